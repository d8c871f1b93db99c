// Pins docs/validation.md (and README's accuracy block) to the case data and the current planner: a change that moves
// any figure, or an edit to the cases, fails here until `npx tsx scripts/validation-doc.ts` regenerates the doc.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PLAN_OPTIONS } from "../src/cli/plan-cli.js";
import { planOptionsFromNamed } from "../src/app/plan-options.js";
import { DIFFUSION_MEASUREMENTS } from "./diffusion-validation.data.js";
import { diffusionPublishers, planFlags, publishers, renderReadmeAccuracy, renderValidationDoc, validationRows } from "./helpers/validation-doc.js";
import { UNIT_BYTES, VALIDATION_CASES, measuredBytes } from "./plan-validation.cases.js";

const DOC = readFileSync(new URL("../docs/validation.md", import.meta.url), "utf8");
const README = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const rows = validationRows();

/** The CLI's own reading of a flags string (value flags take the next token; `--lora-targets` is comma-separated). */
function parseFlags(flags: string): Record<string, string | string[] | boolean> {
  const tokens = flags.match(/"[^"]*"|\S+/g) ?? [];
  const out: Record<string, string | string[] | boolean> = {};
  for (let i = 0; i < tokens.length; i++) {
    const name = (tokens[i] as string).replace(/^--/, "");
    const spec = PLAN_OPTIONS[name as keyof typeof PLAN_OPTIONS];
    if (!spec) throw new Error(`unknown flag --${name}`);
    if (spec.kind === "flag") out[name] = true;
    else {
      const value = (tokens[++i] as string).replace(/^"|"$/g, "");
      out[name] = spec.kind === "values" ? [value] : value;
    }
  }
  return out;
}

describe("validation data", () => {
  it("has ≥ 40 measured cases from ≥ 10 independent sources, with unique ids", () => {
    expect(VALIDATION_CASES.length).toBeGreaterThanOrEqual(40);
    expect(publishers().length).toBeGreaterThanOrEqual(10);
    expect(new Set(VALIDATION_CASES.map((c) => c.id)).size).toBe(VALIDATION_CASES.length);
  });

  it("records ≥ 10 diffusion measurements from ≥ 3 sources, with unique ids", () => {
    expect(DIFFUSION_MEASUREMENTS.length).toBeGreaterThanOrEqual(10);
    expect(diffusionPublishers().length).toBeGreaterThanOrEqual(3);
    expect(new Set(DIFFUSION_MEASUREMENTS.map((m) => m.id)).size).toBe(DIFFUSION_MEASUREMENTS.length);
  });

  it("converts units as the sources compute them", () => {
    // Hand values: 1394 MiB (Qwen's table) = 1394 × 1,048,576 B; 13.96 GB (torchtune's ÷1e9) = 13,960,000,000 B;
    // 16.46 GiB (SGLang) = 16 × 2^30 + 0.46 × 2^30 = 17,179,869,184 + 493,921,239.04 B.
    expect(measuredBytes({ measured: { value: 1394, unit: "MiB" } })).toBe(1_461_714_944);
    expect(measuredBytes({ measured: { value: 13.96, unit: "GB" } })).toBeCloseTo(13_960_000_000, 0);
    expect(measuredBytes({ measured: { value: 16.46, unit: "GiB" } })).toBeCloseTo(17_673_790_423.04, 0);
    expect(UNIT_BYTES.bytes).toBe(1);
  });

  for (const c of VALIDATION_CASES) {
    it(`${c.id}: its documented flags are real CLI flags that give its options`, () => {
      expect(planOptionsFromNamed(parseFlags(planFlags(c.options)))).toEqual(c.options);
    });
  }

  for (const r of rows) {
    it(`${r.c.id}: a miss says why`, () => {
      if (!r.within) expect(r.c.missReason, `${r.c.id} misses by ${r.errorPercent.toFixed(2)} % with no missReason`).toBeTruthy();
    });
  }
});

describe("docs/validation.md", () => {
  it("is the rendering of the current case data and planner (run `npx tsx scripts/validation-doc.ts`)", () => {
    expect(DOC).toBe(renderValidationDoc(rows));
  });

  it("states the share within ±10 % that the rows give", () => {
    const m = /Within ±10 %: \*\*(\d+) of (\d+)/.exec(DOC);
    expect(m).not.toBeNull();
    const within = rows.filter((r) => Math.abs(r.oursBytes / r.measuredBytes - 1) <= 0.1).length;
    expect(Number(m?.[1])).toBe(within);
    expect(Number(m?.[2])).toBe(VALIDATION_CASES.length);
  });

  it("README's accuracy block matches", () => {
    expect(README).toContain(renderReadmeAccuracy(rows));
  });
});
