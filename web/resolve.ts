// Resolving a model in the browser: the configs shipped with the page first (instant, offline), then the Hub
// itself, straight from the browser (CORS allows it), with the token kept in memory only.
import { parseConfigJson } from "../src/core/config/parse-json.js";
import type { Library } from "../src/core/estimate.js";
import { createHubFetch } from "../src/hub/hub-fetch.js";
import { parseHubReference, timmNameFromId } from "../src/hub/model-ref.js";

export interface CatalogIndex {
  readonly models: Readonly<Record<string, { file: string; library: Library }>>;
  readonly aliases: Readonly<Record<string, string>>;
}

export interface BrowserModel {
  readonly id: string;
  readonly config: unknown;
  readonly library?: Library;
  readonly timmModelName?: string;
  readonly origin: "catalog" | "hub";
}

let catalog: Promise<CatalogIndex> | undefined;

export function loadCatalog(base: string): Promise<CatalogIndex> {
  catalog ??= fetch(`${base}catalog/index.json`).then((r) => r.json() as Promise<CatalogIndex>);
  return catalog;
}

export async function resolveInBrowser(input: string, options: { base: string; hubUrl: string; token?: string }): Promise<BrowserModel> {
  // The same MODEL rules as the CLI: ids validated like the Hub's, URLs only on the configured Hub.
  const id = parseHubReference(input.trim(), options.hubUrl).repo;
  const index = await loadCatalog(options.base);
  const canonical = Object.hasOwn(index.models, id) ? id : index.aliases[id];
  const tn = timmNameFromId(canonical ?? id);
  if (canonical && index.models[canonical]) {
    const entry = index.models[canonical];
    const text = await (await fetch(`${options.base}catalog/configs/${entry.file}`)).text();
    return { id, config: parseConfigJson(text, entry.file), library: entry.library, origin: "catalog", ...(tn ? { timmModelName: tn } : {}) };
  }
  // Straight to the Hub with its own client; the wrapper keeps the token on the Hub's origin and reads error codes.
  const { downloadFile, HubApiError } = await import("./hub-client.js");
  const hubFetch = createHubFetch({ endpoint: options.hubUrl, token: options.token, attempts: 2 });
  let blob: Blob | null;
  try {
    blob = await downloadFile({
      repo: id,
      path: "config.json",
      hubUrl: options.hubUrl,
      fetch: hubFetch as typeof fetch,
      ...(options.token ? { accessToken: options.token as `hf_${string}` } : {}),
    });
  } catch (error) {
    if (error instanceof HubApiError) {
      if (hubFetch.lastErrorCode === "GatedRepo") throw new Error(`${id} is gated: request access on the Hub and paste a token`);
      if (error.statusCode === 401 || error.statusCode === 404) throw new Error(`${id} not found on the Hub (private? paste a token)`);
      throw new Error(`the Hub answered HTTP ${error.statusCode} for ${id}`);
    }
    throw error;
  }
  if (!blob) throw new Error(`${id} has no config.json on the Hub`);
  const config = parseConfigJson(await blob.text(), `${id}/config.json`);
  return { id, config, origin: "hub", ...(tn ? { timmModelName: tn, library: "timm" as const } : {}) };
}
