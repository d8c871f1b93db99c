// "Report results in this model repo's discussions", as the Accelerate Space does: one discussion titled
// `[AUTOMATED] Model Memory Requirements`, posted only with a token and only if none of that title exists.
import type { EstimateResult } from "../src/core/estimate.js";

export const REPORT_TITLE = "[AUTOMATED] Model Memory Requirements";

export function reportMarkdown(result: EstimateResult, pageUrl: string): string {
  const rows = result.rows.map((r) => `| ${r.dtype} | ${r.display.largestLayer} | ${r.display.total} | ${r.display.training} |`);
  return [
    `# Model Memory Requirements`,
    "",
    `These are the memory requirements to load \`${result.model}\` (${result.parameters.toLocaleString("en-US")} parameters), as computed by estimate-memory (the same figures as \`accelerate estimate-memory\`).`,
    "",
    "| dtype | Largest Layer or Residual Group | Total Size | Training using Adam (Peak vRAM) |",
    "|:--|--:|--:|--:|",
    ...rows,
    "",
    `Reproduce: \`npx estimate-memory ${result.model}\` or [this page](${pageUrl}).`,
  ].join("\n");
}

async function hubJson(url: string, token: string, init: RequestInit = {}): Promise<unknown> {
  const response = await fetch(url, { ...init, headers: { ...(init.headers ?? {}), Authorization: `Bearer ${token}`, "Content-Type": "application/json" } });
  if (!response.ok) throw new Error(`the Hub answered HTTP ${response.status}`);
  return response.json();
}

/** Whether the repo already has a discussion with the report's title. */
export async function reportExists(hubUrl: string, repo: string, token: string): Promise<boolean> {
  const data = (await hubJson(`${hubUrl}/api/models/${repo}/discussions`, token)) as { discussions?: { title?: string }[] };
  return (data.discussions ?? []).some((d) => d.title === REPORT_TITLE);
}

export async function postReport(hubUrl: string, repo: string, token: string, markdown: string): Promise<string | undefined> {
  const data = (await hubJson(`${hubUrl}/api/models/${repo}/discussions`, token, {
    method: "POST",
    body: JSON.stringify({ title: REPORT_TITLE, description: markdown, pullRequest: false }),
  })) as { num?: number; url?: string };
  return data.url ?? (data.num !== undefined ? `${hubUrl}/${repo}/discussions/${data.num}` : undefined);
}
