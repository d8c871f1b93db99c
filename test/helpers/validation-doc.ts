/**
 * Renders docs/validation.md from the case data (test/plan-validation.cases.ts, test/diffusion-validation.data.ts)
 * and the current planner's figures. Used by `scripts/validation-doc.ts` (writes the doc) and by
 * `test/plan-validation.test.ts` (fails when the committed doc differs).
 */
import { planOptionsToParams } from "../../src/app/plan-options.js";
import { PLAN_OPTION_TABLE } from "../../src/core/plan/options.js";
import { estimate } from "../../src/core/estimate-all.js";
import type { PlanOptions } from "../../src/core/plan/types.js";
import { DIFFUSION_MEASUREMENTS, DIFFUSION_SOURCES } from "../diffusion-validation.data.js";
import { MEASURES, SOURCES, UNIT_BYTES, VALIDATION_CASES, measuredBytes, type ValidationCase } from "../plan-validation.cases.js";

export const TARGET_PERCENT = 10;

export interface ValidationRow {
  readonly c: ValidationCase;
  readonly measuredBytes: number;
  readonly oursBytes: number;
  /** (ours / measured − 1) × 100. */
  readonly errorPercent: number;
  readonly within: boolean;
  readonly pending: boolean;
}

export function validationRows(): ValidationRow[] {
  return VALIDATION_CASES.map((c) => {
    const plan = estimate(c.config, { plan: c.options }).plan;
    if (!plan) throw new Error(`${c.id}: no plan`);
    const m = measuredBytes(c);
    const ours = plan[c.component];
    const errorPercent = (ours / m - 1) * 100;
    return { c, measuredBytes: m, oursBytes: ours, errorPercent, within: Math.abs(errorPercent) <= TARGET_PERCENT, pending: (c.pendingFlags?.length ?? 0) > 0 };
  });
}

/** The CLI flags that describe a case's options: the option table's names, as the CLI and the page links spell them. */
export function planFlags(o: PlanOptions): string {
  return planOptionsToParams(o)
    .map(([name, value]) => {
      const def = Object.values(PLAN_OPTION_TABLE).find((d) => d.name === name);
      if (def?.kind === "switch") return `--${name}`;
      return /\s/.test(value) ? `--${name} "${value}"` : `--${name} ${value}`;
    })
    .join(" ");
}

const COMPONENT_JSON: Record<ValidationCase["component"], string> = { weightsBytes: "plan.weightsBytes", kvCacheBytes: "plan.kvCacheBytes", totalBytes: "plan.totalBytes" };

function fmt(n: number, digits: number): string {
  return n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A byte count in the unit the source used (bytes are shown in GiB), with enough digits to compare. */
function inUnit(bytes: number, c: ValidationCase): string {
  const unit = c.measured.unit === "bytes" ? "GiB" : c.measured.unit;
  const v = bytes / UNIT_BYTES[unit];
  return `${fmt(v, v >= 1000 ? 0 : v >= 100 ? 1 : 2)} ${unit}`;
}

function measuredText(c: ValidationCase): string {
  if (c.measured.unit === "bytes") return `${fmt(c.measured.value / 2 ** 30, 2)} GiB`;
  return `${c.measured.value} ${c.measured.unit}`;
}

const signed = (e: number) => `${e >= 0 ? "+" : "−"}${fmt(Math.abs(e), 2)} %`;

export interface Distribution {
  readonly buckets: readonly { readonly label: string; readonly count: number }[];
  readonly within: number;
  readonly total: number;
  readonly medianAbs: number;
}

export function distribution(rows: readonly ValidationRow[]): Distribution {
  const edges: [string, number][] = [["≤ 1 %", 1], ["1–5 %", 5], ["5–10 %", 10], ["10–25 %", 25], ["25–50 %", 50], ["> 50 %", Infinity]];
  const abs = rows.map((r) => Math.abs(r.errorPercent)).sort((a, b) => a - b);
  let lower = -Infinity;
  const buckets = edges.map(([label, upper]) => {
    const count = abs.filter((a) => a > lower && a <= upper).length;
    lower = upper;
    return { label, count };
  });
  const mid = abs.length / 2;
  const medianAbs = abs.length === 0 ? 0 : abs.length % 2 ? (abs[Math.floor(mid)] as number) : ((abs[mid - 1] as number) + (abs[mid] as number)) / 2;
  return { buckets, within: rows.filter((r) => r.within).length, total: rows.length, medianAbs };
}

const pct = (a: number, b: number) => `${fmt((a / b) * 100, 1)} %`;

/** The headline the README and the test quote: "W of N (P %)". */
export function withinLine(d: Distribution): string {
  return `${d.within} of ${d.total} (${pct(d.within, d.total)})`;
}

export function publishers(): string[] {
  const used = new Set(VALIDATION_CASES.map((c) => SOURCES[c.source].publisher));
  return [...used].sort();
}

export function diffusionPublishers(): string[] {
  return [...new Set(DIFFUSION_MEASUREMENTS.map((m) => DIFFUSION_SOURCES[m.source].publisher))].sort();
}

const KINDS: readonly [string, (c: ValidationCase) => boolean][] = [
  ["weights and KV cache (`plan.weightsBytes` / `plan.kvCacheBytes`)", (c) => c.component !== "totalBytes"],
  ["inference peak (`plan.totalBytes`)", (c) => c.component === "totalBytes" && !c.options.train],
  ["training peak (`plan.totalBytes`)", (c) => c.component === "totalBytes" && c.options.train !== undefined],
];

export function renderValidationDoc(rows: readonly ValidationRow[] = validationRows()): string {
  const all = distribution(rows);
  const complete = distribution(rows.filter((r) => !r.pending));
  const pendingCount = rows.filter((r) => r.pending).length;
  const L: string[] = [];
  L.push("# Planner validation");
  L.push("");
  L.push("<!-- Generated by `npx tsx scripts/validation-doc.ts` from test/plan-validation.cases.ts and test/diffusion-validation.data.ts;");
  L.push("     test/plan-validation.test.ts fails when this file is stale. Edit the case data, not this file. -->");
  L.push("");
  L.push("Each row compares one figure of `--inference` / `--train` with a published measurement of the same setting. The");
  L.push("measured value is the source's own number in the source's unit (quoted, with where it is, under *Cases*); *Ours*");
  L.push("is what the current planner computes for the flags listed there (`estimate(config, { plan })`, the same as");
  L.push("`estimate-memory MODEL --json FLAGS`), in the same unit. Error = ours / measured − 1. Target: within ±10 %.");
  L.push("");
  L.push("Units are converted as each source computes them: GiB/MiB = 2^30/2^20 bytes (PyTorch's `… / 1024**3`, vLLM, SGLang,");
  L.push("llama.cpp, nvidia-smi), GB/MB = 10^9/10^6 bytes. Figures read from PyTorch's allocator exclude the CUDA context,");
  L.push("so those rows plan with `--overhead-mb 0`; nvidia-smi rows use the context the source measured, or the default.");
  const missingFlags = [...new Set(rows.flatMap((r) => r.c.pendingFlags ?? []))];
  if (missingFlags.length > 0) {
    L.push("A row is **pending** when its stack needs a planner flag that does not exist yet: its estimate is today's");
    L.push(`planner without that flag, and the flag it will need is listed (today: ${missingFlags.map((f) => `\`${f}\``).join(", ")}).`);
  }
  L.push("");
  L.push("## Summary");
  L.push("");
  L.push(`- ${rows.length} measured cases from ${publishers().length} independent sources (${Object.keys(SOURCES).length} publications).`);
  L.push(`- Within ±10 %: **${withinLine(all)}**; median |error| ${fmt(all.medianAbs, 2)} %.`);
  if (pendingCount > 0) {
    L.push(`- Rows whose flags all exist today: ${withinLine(complete)} within ±10 % (${pendingCount} ${pendingCount === 1 ? "row is" : "rows are"} pending a flag).`);
  }
  L.push(`- ${DIFFUSION_MEASUREMENTS.length} diffusion pipeline measurements from ${diffusionPublishers().length} sources are recorded for the diffusion planner, which does not exist yet.`);
  L.push("");
  L.push("| kind | cases | within ±10 % | median \\|error\\| |");
  L.push("|---|---|---|---|");
  for (const [kind, pick] of KINDS) {
    const d = distribution(rows.filter((r) => pick(r.c)));
    L.push(`| ${kind} | ${d.total} | ${d.within} (${pct(d.within, d.total)}) | ${fmt(d.medianAbs, 2)} % |`);
  }
  L.push("");
  L.push("| \\|error\\| | cases | share |");
  L.push("|---|---|---|");
  for (const b of all.buckets) L.push(`| ${b.label} | ${b.count} | ${pct(b.count, all.total)} |`);
  L.push("");
  L.push("## Table");
  L.push("");
  L.push("| # | Case | Source | Measures | Measured | Ours | Error | Status |");
  L.push("|---|---|---|---|---|---|---|---|");
  rows.forEach((r, i) => {
    const status = [r.within ? "✓" : "**miss**", r.pending ? "pending" : ""].filter(Boolean).join(", ");
    L.push(`| ${i + 1} | \`${r.c.id}\` | ${SOURCES[r.c.source].publisher} | ${r.c.measures} (${COMPONENT_JSON[r.c.component]}) | ${measuredText(r.c)} | ${inUnit(r.oursBytes, r.c)} | ${signed(r.errorPercent)} | ${status} |`);
  });
  L.push("");
  L.push("## The misses");
  L.push("");
  L.push("Why each row outside ±10 % misses: what the planner does not capture, or what the published figure holds that a");
  L.push("plan does not, with the measured and planned figures. The table is regenerated whenever the planner changes.");
  L.push("");
  for (const r of rows.filter((x) => !x.within)) L.push(`- **\`${r.c.id}\`** (${signed(r.errorPercent)}): ${r.c.missReason ?? "UNEXPLAINED"}.`);
  L.push("");
  L.push("## Cases");
  L.push("");
  rows.forEach((r, i) => {
    const c = r.c;
    L.push(`${i + 1}. **\`${c.id}\`** — ${SOURCES[c.source].title}, ${c.where}: ${c.quote}.`);
    L.push(`   Stack: ${c.stack}.${c.configOrigin ? ` Config: ${c.configOrigin}.` : ""}`);
    L.push(`   Flags: \`estimate-memory ${c.model} ${planFlags(c.options)}\`${c.pendingFlags?.length ? `, pending: \`${c.pendingFlags.join(" ")}\`` : ""}.`);
  });
  L.push("");
  L.push("### What each figure measures");
  L.push("");
  for (const [k, v] of Object.entries(MEASURES)) L.push(`- \`${k}\`: ${v}.`);
  L.push("");
  L.push("## Diffusion pipelines (recorded; planner pending)");
  L.push("");
  L.push("Published peaks for diffusion pipelines, with and without offload or quantization, kept as data for the diffusion");
  L.push("planner. The flags are those that planner will take; it does not exist yet, so no error is computed.");
  L.push("");
  L.push("| # | Measurement | Source | Measures | Measured | Setting | Flags |");
  L.push("|---|---|---|---|---|---|---|");
  DIFFUSION_MEASUREMENTS.forEach((m, i) => {
    const caveat = m.caveat ? ` *(${m.caveat})*` : "";
    L.push(`| ${i + 1} | \`${m.id}\` (${m.pipeline}) | ${DIFFUSION_SOURCES[m.source].publisher}: ${m.where} | ${m.measures} | ${m.measured.value} ${m.measured.unit} | ${m.setting}${caveat} | \`${m.flags}\` |`);
  });
  L.push("");
  L.push("Quotes:");
  L.push("");
  DIFFUSION_MEASUREMENTS.forEach((m, i) => L.push(`${i + 1}. \`${m.id}\`: ${m.quote}`));
  L.push("");
  L.push("## Sources");
  L.push("");
  for (const s of Object.values(SOURCES)) L.push(`- ${s.title} — ${s.url}`);
  for (const s of Object.values(DIFFUSION_SOURCES)) L.push(`- ${s.title} — ${s.url}`);
  L.push("");
  L.push("## Adding or updating a case");
  L.push("");
  L.push("Add an entry to `test/plan-validation.cases.ts` (or `test/diffusion-validation.data.ts`): the source's figure in its");
  L.push("own unit, the quote and where it is, what it measures, the stack, the planner options (and `pendingFlags` for flags");
  L.push("that do not exist yet), and a `missReason` if it lands outside ±10 %. Then run `npx tsx scripts/validation-doc.ts`,");
  L.push("which rewrites this file and README's summary and lists misses without a reason and reasons that no longer apply.");
  L.push("");
  L.push("## Settings not in a row");
  L.push("");
  L.push("The KV-cache variants for which no published log was found (MLA, Gemma 2/3 and gpt-oss sliding layers, Jamba /");
  L.push("Mamba states, encoder-decoder cross-attention) are pinned by hand-computed tests in `test/plan-kv-cache.test.ts`;");
  L.push("DeepSpeed's ZeRO-2/3 estimators are reproduced exactly in `test/plan-training.test.ts`. No published vision");
  L.push("(ViT/ResNet) fine-tuning run with its full stack was found yet.");
  L.push("");
  return L.join("\n");
}

export const README_START = "<!-- validation-summary:start (generated by scripts/validation-doc.ts) -->";
export const README_END = "<!-- validation-summary:end -->";

/** The generated block of README's "How accurate is it" section. */
export function renderReadmeAccuracy(rows: readonly ValidationRow[] = validationRows()): string {
  const d = distribution(rows);
  const complete = distribution(rows.filter((r) => !r.pending));
  const L: string[] = [README_START];
  L.push(`${rows.length} published measurements from ${publishers().length} independent sources; within ±10 %: **${withinLine(d)}**, median`);
  const pendingCount = rows.length - complete.total;
  L.push(`|error| ${fmt(d.medianAbs, 2)} %${pendingCount > 0 ? ` (without the ${pendingCount === 1 ? "row" : `${pendingCount} rows`} pending a planner flag: ${withinLine(complete)})` : ""}.`);
  L.push("");
  L.push(`| \\|error\\| | ${d.buckets.map((b) => b.label).join(" | ")} |`);
  L.push(`|---|${d.buckets.map(() => "---").join("|")}|`);
  L.push(`| cases | ${d.buckets.map((b) => String(b.count)).join(" | ")} |`);
  L.push(README_END);
  return L.join("\n");
}

/** README with its generated block replaced (throws when the markers are missing). */
export function withReadmeAccuracy(readme: string, rows: readonly ValidationRow[] = validationRows()): string {
  const a = readme.indexOf(README_START);
  const b = readme.indexOf(README_END);
  if (a < 0 || b < a) throw new Error("README.md lacks the validation-summary markers");
  return readme.slice(0, a) + renderReadmeAccuracy(rows) + readme.slice(b + README_END.length);
}
