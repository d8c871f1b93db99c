/**
 * "Report results in this model repo's discussions", as the Accelerate Space does: one discussion titled
 * `[AUTOMATED] Model Memory Requirements`, posted only with a token and only when no discussion of that title
 * exists on any page of the repo's discussions. One markdown for the page and the CLI's `--report`; browser-safe.
 */
import type { EstimateResult } from "../core/estimate.js";

export const REPORT_TITLE = "[AUTOMATED] Model Memory Requirements";

/** The markdown posted: accelerate's table for the model, and how to reproduce it (`reproduce`: a link or a command). */
export function reportMarkdown(result: EstimateResult, reproduce: string): string {
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
    `Reproduce: \`npx estimate-memory ${result.model}\`${reproduce ? ` or ${reproduce}` : ""}.`,
  ].join("\n");
}

export interface ReportTarget {
  /** The Hub's origin, without a trailing slash. */
  readonly hubUrl: string;
  readonly repo: string;
  readonly token: string;
  readonly fetch?: typeof fetch;
}

async function hubJson(t: ReportTarget, path: string, init: RequestInit = {}): Promise<unknown> {
  const response = await (t.fetch ?? fetch)(`${t.hubUrl}${path}`, {
    ...init,
    headers: { ...(init.headers ?? {}), Authorization: `Bearer ${t.token}`, "Content-Type": "application/json" },
  });
  if (!response.ok) throw new Error(`the Hub answered HTTP ${response.status} for ${t.repo}'s discussions`);
  return response.json();
}

/** At most this many pages are read (50 discussions each on the Hub): a bound against a server that never ends. */
const MAX_PAGES = 200;

/** Whether any page of the repo's discussions has one with the report's title. */
export async function reportExists(t: ReportTarget): Promise<boolean> {
  let seen = 0;
  for (let p = 0; p < MAX_PAGES; p++) {
    const data = (await hubJson(t, `/api/models/${t.repo}/discussions?p=${p}`)) as { discussions?: { title?: string }[]; count?: number };
    const list = data.discussions ?? [];
    if (list.some((d) => d.title === REPORT_TITLE)) return true;
    seen += list.length;
    if (list.length === 0 || data.count === undefined || seen >= data.count) return false;
  }
  return false;
}

/** Opens the discussion; returns its address when the Hub says it. */
export async function postReport(t: ReportTarget, markdown: string): Promise<string | undefined> {
  const data = (await hubJson(t, `/api/models/${t.repo}/discussions`, {
    method: "POST",
    body: JSON.stringify({ title: REPORT_TITLE, description: markdown, pullRequest: false }),
  })) as { num?: number; url?: string };
  return data.url ?? (data.num !== undefined ? `${t.hubUrl}/${t.repo}/discussions/${data.num}` : undefined);
}

/** The CLI's and the page's whole flow: posts unless a report exists. `posted: false` means one was there. */
export async function reportOnce(t: ReportTarget, markdown: string): Promise<{ posted: boolean; url?: string }> {
  if (await reportExists(t)) return { posted: false };
  const url = await postReport(t, markdown);
  return { posted: true, ...(url ? { url } : {}) };
}
