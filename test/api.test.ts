// The published library entry (dist/index.js, built for any platform): what a user imports.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadReference } from "./helpers/reference.js";

const hub = loadReference("hub-configs.jsonl");
const gpt2 = hub.find((r) => r.id === "openai-community/gpt2")!;

describe("estimate-memory (library)", () => {
  it("estimate() returns the --json object, with a plan when asked", async () => {
    // The built file, typed by the sources it is built from (so type-checking needs no build).
    const api = (await import("../dist/index.js" as string)) as typeof import("../src/index.js");
    const result = api.estimate(gpt2.config, { model: "gpt2", plan: { inference: true, dtype: "float16", batchSize: 2, seqLen: 1024 } });
    expect(result).toMatchObject({ model: "gpt2", parameters: gpt2.expected.param_count, totalBytes: gpt2.expected.total_size_bytes, source: "config" });
    // Same rows as accelerate's table in the reference (the title, and so the width, follow the model name).
    expect(result.rows.map((r: { display: { total: string } }) => r.display.total)).toEqual(gpt2.expected.formatted_rows.map((r) => r[2]));
    // KV cache: 2 (K and V) × 12 layers × 12 heads × 64 head_dim × batch 2 × 1024 tokens × 2 bytes = 75,497,472.
    expect(result.plan?.kvCacheBytes).toBe(2 * 12 * 12 * 64 * 2 * 1024 * 2);
    expect(api.GPU_CATALOG.length).toBeGreaterThanOrEqual(100);
    expect(() => api.estimate({ model_type: "nope" })).toThrow(api.UnsupportedArchitectureError);
  });

  it("estimate-memory/lazy answers as estimate does, loading BERT's chunk only when asked (static imports hold none)", async () => {
    // The built entries, typed as their sources (dist/ has no declarations beside the bundles).
    const api = (await import(new URL("../dist/index.js", import.meta.url).href)) as typeof import("../src/index.js");
    const lazy = (await import(new URL("../dist/lazy.js", import.meta.url).href)) as typeof import("../src/lazy.js");
    const bert = hub.find((r) => r.id === "google-bert/bert-base-cased")!;
    expect(await lazy.estimateAsync(bert.config, { model: "bert" })).toEqual(api.estimate(bert.config, { model: "bert" }));
    await expect(lazy.estimateAsync({ model_type: "nope" })).rejects.toThrow(api.UnsupportedArchitectureError);
    expect(lazy.supportedArchitectures()).toEqual(api.supportedArchitectures());
    // The files each entry imports statically, transitively: the eager entry holds BERT's family, the lazy one not.
    const staticClosure = (file: string, seen = new Set<string>()): Set<string> => {
      if (seen.has(file)) return seen;
      seen.add(file);
      const text = readFileSync(new URL(`../dist/${file}`, import.meta.url), "utf8");
      for (const [, spec] of text.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[^"'()]*?from\s*)?["'](\.{1,2}\/[^"']+)["']/g)) {
        staticClosure(new URL(spec!, new URL(`http://x/${file}`)).pathname.slice(1), seen);
      }
      return seen;
    };
    const definesBert = (f: string) => /modelType:\s*"bert"/.test(readFileSync(new URL(`../dist/${f}`, import.meta.url), "utf8"));
    expect([...staticClosure("index.js")].some(definesBert)).toBe(true);
    expect([...staticClosure("lazy.js")].some(definesBert)).toBe(false);
  });
});
