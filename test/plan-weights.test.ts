// Real memory, counted once (issue 12): a loaded model holds a tied output head as the input embedding's tensor.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { estimate } from "../src/core/estimate-all.js";
import type { PlanOptions } from "../src/core/plan/types.js";

const catalog = (id: string) => JSON.parse(readFileSync(new URL(`../catalog/configs/${id}.json`, import.meta.url), "utf8")) as Record<string, unknown>;
const plan = (config: Record<string, unknown>, options: PlanOptions) => {
  const p = estimate(config, { plan: options }).plan;
  if (!p) throw new Error("no plan");
  return p;
};

describe("tied weights count once", () => {
  it("Qwen3-0.6B bf16 inference: 596,049,920 parameters × 2 bytes + its rotary buffers", () => {
    const p = plan(catalog("Qwen--Qwen3-0.6B"), { inference: true });
    // 596,049,920: the checkpoint's parameter count (the issue; Qwen's model card: 0.6B with tied embeddings).
    expect(p.parameters).toBe(596_049_920);
    // Buffers: rotary inv_freq and original_inv_freq, head_dim 128 / 2 = 64 floats each, cast with the weights.
    expect(p.weightsBytes).toBe(596_049_920 * 2 + 2 * 64 * 2);
  });

  it("SmolLM2-135M (tied): the hand count 134,515,008", () => {
    // 30 × (q 576² + k,v 2 × 576 × 192 + o 576² + 3 × 576 × 1536 + 2 norms × 576) + embed 49,152 × 576 + norm 576
    const perLayer = 2 * 576 * 576 + 2 * 576 * 192 + 3 * 576 * 1536 + 2 * 576;
    expect(plan(catalog("HuggingFaceTB--SmolLM2-135M"), { inference: true }).parameters).toBe(30 * perLayer + 49_152 * 576 + 576);
  });

  it("an untied head still counts: Llama-3.1-8B keeps lm_head (8,030,261,248)", () => {
    expect(plan(catalog("meta-llama--Llama-3.1-8B"), { inference: true }).parameters).toBe(8_030_261_248);
  });

  it("a tied Qwen3ForCausalLM holds exactly what Qwen3Model (accelerate's AutoModel, reference-checked) holds", () => {
    const r = estimate(catalog("Qwen--Qwen3-0.6B"), { plan: { inference: true } });
    expect(r.modelClass).toBe("Qwen3Model");
    expect(r.plan?.modelClass).toBe("Qwen3ForCausalLM");
    expect(r.plan?.parameters).toBe(r.parameters);
  });
});
