// The published library entry (dist/index.js, built for any platform): what a user imports.
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
});
