// The Hub's model search for the page's suggestions, loaded on demand (the first keystrokes use the shipped
// catalog; this chunk and the Hub client come only when a search reaches the Hub).
import { listModels } from "@huggingface/hub";

export interface HubHit {
  readonly id: string;
  readonly library?: string;
  readonly parameters?: number;
}

export async function searchHub(query: string, options: { hubUrl: string; token?: string; limit: number; signal: AbortSignal }): Promise<HubHit[]> {
  const hits: HubHit[] = [];
  for await (const m of listModels({
    search: { query },
    hubUrl: options.hubUrl,
    limit: options.limit,
    sort: "downloads",
    additionalFields: ["library_name", "safetensors"],
    fetch: ((url: string, init?: RequestInit) => fetch(url, { ...init, signal: options.signal })) as typeof fetch,
    ...(options.token ? { accessToken: options.token as `hf_${string}` } : {}),
  })) {
    const total = (m.safetensors as { total?: number } | undefined)?.total;
    hits.push({ id: m.name, ...(m.library_name ? { library: m.library_name } : {}), ...(typeof total === "number" ? { parameters: total } : {}) });
  }
  return hits;
}
