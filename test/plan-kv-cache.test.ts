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
const kv = (config: Record<string, unknown>, options: Omit<PlanOptions, "inference">) => plan(config, { inference: true, ...options }).kvCacheBytes;

describe("KV cache", () => {
  it("GQA: Llama-3.1-8B bf16, batch 1, seq 8192", () => {
    // 2 × 32 layers × 8 kv heads × 128 head_dim × 1 × 8192 × 2 bytes = 1,073,741,824
    expect(kv(catalog("meta-llama--Llama-3.1-8B"), { seqLen: 8192 })).toBe(1_073_741_824);
  });

  it("MHA: gpt2 fp16, batch 2, seq 1024", () => {
    // 2 × 12 layers × 12 heads × 64 × 2 × 1024 × 2 bytes = 75,497,472
    expect(kv(catalog("openai-community--gpt2"), { seqLen: 1024, batchSize: 2, dtype: "float16" })).toBe(75_497_472);
  });

  it("fp8 KV halves it", () => {
    // 2 × 32 × 8 × 128 × 1 × 8192 × 1 byte
    expect(kv(catalog("meta-llama--Llama-3.1-8B"), { seqLen: 8192, kvDtype: "fp8" })).toBe(536_870_912);
  });

  it("MQA: Falcon (multi_query) keeps one KV head", () => {
    // falcon defaults: 32 layers, 71 heads, hidden 4544 → head_dim 64; 2 × 32 × 1 × 64 × 1 × 1000 × 2 = 8,192,000
    expect(kv({ model_type: "falcon", architectures: ["FalconForCausalLM"] }, { seqLen: 1000 })).toBe(8_192_000);
  });

  it("sliding window: Mistral-7B-v0.1 keeps min(seq, 4096) on every layer", () => {
    // 2 × 32 × 8 × 128 × 2 bytes = 131,072 B/token; × 4096 tokens (window) = 536,870,912 at seq 32768
    expect(kv(catalog("mistralai--Mistral-7B-Instruct-v0.1"), { seqLen: 32768 })).toBe(536_870_912);
    // below the window it is the plain formula: 131,072 × 1000
    expect(kv(catalog("mistralai--Mistral-7B-Instruct-v0.1"), { seqLen: 1000 })).toBe(131_072_000);
  });

  it("alternating local/global: Gemma 2 (even layers slide over 4096)", () => {
    // gemma2 defaults: 26 layers, num_key_value_heads 4, head_dim 256, sliding_window 4096.
    const p = plan({ model_type: "gemma2", architectures: ["Gemma2ForCausalLM"] }, { inference: true, seqLen: 8192 });
    const perToken = 2 * 4 * 256 * 2; // 4,096 B per layer per token
    // 13 sliding layers × 4096 tokens + 13 full layers × 8192 tokens
    expect(p.kvCacheBytes).toBe(13 * 4096 * perToken + 13 * 8192 * perToken);
  });

  it("gpt-oss: alternate sliding (128) and full layers", () => {
    // defaults: 36 layers, 8 kv heads, head_dim 64: 2 × 8 × 64 × 2 = 2,048 B per layer per token
    const p = plan({ model_type: "gpt_oss", architectures: ["GptOssForCausalLM"] }, { inference: true, seqLen: 4096 });
    expect(p.kvCacheBytes).toBe(18 * 128 * 2048 + 18 * 4096 * 2048);
  });

  it("MLA: DeepSeek-V3 stores kv_lora_rank + qk_rope_head_dim per token per layer", () => {
    // 61 layers × (512 + 64) × 1 × 4096 × 2 bytes = 287,834,112
    const p = plan({ model_type: "deepseek_v3", architectures: ["DeepseekV3ForCausalLM"] }, { inference: true, seqLen: 4096 });
    expect(p.kvCacheBytes).toBe(287_834_112);
    expect(p.kvCache?.variant).toBe("mla");
  });

  it("pure SSM: Mamba's state does not grow with seq", () => {
    // mamba defaults: hidden 768, expand 2 → intermediate 1536, conv 4, state 16, 32 layers; bf16
    // 32 × 1536 × (4 + 16) × 2 bytes = 1,966,080 per sequence
    const cfg = { model_type: "mamba", architectures: ["MambaForCausalLM"] };
    expect(kv(cfg, { seqLen: 128 })).toBe(1_966_080);
    expect(kv(cfg, { seqLen: 100_000 })).toBe(1_966_080);
  });

  it("hybrid: Jamba caches KV on 1 layer in 8, Mamba state on the rest", () => {
    // defaults: 32 layers, attention where i % 8 == 4 → 4 layers; 8 kv heads × 128 dim; mamba inner 2 × 4096
    const attn = 4 * 2 * 8 * 128 * 2 * 1000; // seq 1000
    const ssm = 28 * 8192 * (4 + 16) * 2;
    expect(kv({ model_type: "jamba", architectures: ["JambaForCausalLM"] }, { seqLen: 1000 })).toBe(attn + ssm);
  });

  it("encoder-decoder: T5 adds cross-attention K/V over the encoder tokens", () => {
    // t5 defaults: 6 decoder layers, 8 heads, d_kv 64: 2 × 8 × 64 × 2 = 2,048 B per layer per token
    const p = plan({ model_type: "t5", is_encoder_decoder: true, architectures: ["T5ForConditionalGeneration"] }, { inference: true, seqLen: 100, encoderSeqLen: 512 });
    expect(p.kvCacheBytes).toBe(6 * 2048 * 100 + 6 * 2048 * 512);
  });

  it("encoders have no cache", () => {
    expect(kv(catalog("google-bert--bert-base-cased"), { seqLen: 512 })).toBe(0);
  });
});
