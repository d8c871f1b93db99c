// Architectures newer than transformers 4.47, checked against hand counts of each published checkpoint.
// Fixtures under test/fixtures/configs/: Qwen3-8B, Qwen3-30B-A3B, DeepSeek-V3, gpt-oss-20b and phi-4 are vendored
// copies of the Hub's config.json (the same files as catalog/configs/, whose index.json names the repository and
// commit each came from); Llama 4 Scout's is its `text_config` as printed in a public repository's Llama4Config dump;
// the others (gemma-3, SmolLM3, Ministral, Mistral-Small-3.1) were transcribed from the Hub files' sizing fields. Every expected count below is written out
// per block from the modeling code, never taken from this package's output.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { resolveConfig, type RawConfig } from "../src/core/config/config.js";
import { transformersArchitecture } from "../src/core/estimate-all.js";
import type { AutoClass } from "../src/core/architectures/types.js";
import { moduleSize } from "../src/core/measure/sizes.js";

function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`./fixtures/configs/${name}.json`, import.meta.url)), "utf8")) as Record<string, unknown>;
}

function measure(raw: RawConfig, auto: AutoClass) {
  const arch = transformersArchitecture(String(raw.model_type));
  if (!arch) throw new Error(`unregistered ${String(raw.model_type)}`);
  const builder = arch.models[auto];
  if (!builder) throw new Error(`no ${auto} for ${String(raw.model_type)}`);
  const build = builder(resolveConfig(raw, arch.config));
  return { ...moduleSize(build.module), cls: build.module.cls, noSplit: build.noSplitModules };
}

/** Billions to one decimal, as model cards print them. */
const billions = (n: number, digits = 1) => Number((n / 1e9).toFixed(digits));

describe("qwen3 (Qwen/Qwen3-8B)", () => {
  const raw = fixture("Qwen--Qwen3-8B");
  const [V, H, I, L, hd] = [151936, 4096, 12288, 36, 128];
  const attn = H * 32 * hd + 2 * H * 8 * hd + 32 * hd * H + 2 * hd; // q, k+v, o, q_norm+k_norm
  const layer = attn + 3 * H * I + 2 * H;
  const model = V * H + L * layer + H;
  it("counts the backbone and the untied head", () => {
    expect(measure(raw, "AutoModel").parameters).toBe(model);
    const lm = measure(raw, "AutoModelForCausalLM");
    expect(lm.parameters).toBe(model + V * H);
    expect(billions(lm.parameters)).toBe(8.2); // model card: "Number of Parameters: 8.2B"
  });
  it("keeps one model-level rotary (inv_freq + original_inv_freq, head_dim / 2 floats each)", () => {
    expect(measure(raw, "AutoModel").bufferBytes).toBe(2 * (hd / 2) * 4);
  });
});

describe("qwen3_moe (Qwen/Qwen3-30B-A3B)", () => {
  const raw = fixture("Qwen--Qwen3-30B-A3B");
  const [V, H, L, hd, E, moeI] = [151936, 2048, 48, 128, 128, 768];
  const attn = H * 32 * hd + 2 * H * 4 * hd + 32 * hd * H + 2 * hd;
  const experts = E * (2 * moeI * H + H * moeI); // fused gate_up_proj + down_proj
  const layer = attn + experts + E * H + 2 * H; // + router weight + two norms
  it("counts fused experts and routers in every layer", () => {
    const lm = measure(raw, "AutoModelForCausalLM");
    expect(lm.parameters).toBe(V * H + L * layer + H + V * H);
    expect(billions(lm.parameters)).toBe(30.5); // model card: "Number of Parameters: 30.5B in total"
    expect(lm.noSplit).toEqual(["Qwen3MoeDecoderLayer"]);
  });
});

describe("gemma3_text (google/gemma-3-1b-it)", () => {
  const raw = fixture("google--gemma-3-1b-it");
  const [V, H, I, L, hd] = [262144, 1152, 6912, 26, 256];
  const attn = H * 4 * hd + 2 * H * 1 * hd + 4 * hd * H + 2 * hd;
  const layer = attn + 3 * H * I + 4 * H; // sandwich norms: four per layer
  const model = V * H + L * layer + H;
  it("counts the model (the card's figure) and the tied head in full, as accelerate does", () => {
    const backbone = measure(raw, "AutoModel");
    expect(backbone.parameters).toBe(model);
    expect(billions(backbone.parameters)).toBe(1.0); // model card: 1B
    // init_empty_weights re-wraps the Parameter tie_weights() assigns, so the tied head is counted again.
    expect(measure(raw, "AutoModelForCausalLM").parameters).toBe(model + V * H);
  });
  it("holds embed_scale and a rotary pair per layer type (sliding and full)", () => {
    expect(measure(raw, "AutoModel").bufferBytes).toBe(4 + 2 * 2 * (hd / 2) * 4);
  });
});

describe("gemma3 (google/gemma-3-4b-it)", () => {
  const raw = fixture("google--gemma-3-4b-it");
  // Text: Gemma3TextConfig defaults fill heads 8, kv 4, head_dim 256, vocab 262208.
  const [V, H, I, L, hd] = [262208, 2560, 10240, 34, 256];
  const text = V * H + L * (H * 8 * hd + 2 * H * 4 * hd + 8 * hd * H + 2 * hd + 3 * H * I + 4 * H) + H;
  // SigLIP: 896 / 14 = 64 patches a side; no pooling head (vision_use_head false).
  const [vH, vI, vL] = [1152, 4304, 27];
  const vLayer = 4 * (vH * vH + vH) + (vH * vI + vI) + (vI * vH + vH) + 2 * 2 * vH;
  const vision = 3 * 14 * 14 * vH + vH + 64 * 64 * vH + vL * vLayer + 2 * vH;
  const projector = vH * H + vH;
  it("counts vision tower + projector + language model", () => {
    const m = measure(raw, "AutoModel");
    expect(m.cls).toBe("Gemma3Model");
    expect(m.parameters).toBe(vision + projector + text);
    expect(billions(m.parameters)).toBe(4.3); // 4B model; the Hub reports 4.3B parameters
    // The tied lm_head counts in full under accelerate's init_empty_weights (the tie is lost).
    expect(measure(raw, "AutoModelForImageTextToText").parameters).toBe(vision + projector + text + V * H);
  });
});

describe("deepseek_v3 (deepseek-ai/DeepSeek-V3)", () => {
  const raw = fixture("deepseek-ai--DeepSeek-V3");
  const [V, H, I, moeI, heads, E] = [129280, 7168, 18432, 2048, 128, 256];
  const [qLora, kvLora, rope, nope, v] = [1536, 512, 64, 128, 128];
  const mla =
    H * qLora + qLora + qLora * heads * (nope + rope) + // q_a_proj, q_a_layernorm, q_b_proj
    H * (kvLora + rope) + kvLora + kvLora * heads * (nope + v) + // kv_a_proj_with_mqa, kv_a_layernorm, kv_b_proj
    heads * v * H; // o_proj
  const dense = mla + 3 * H * I + 2 * H;
  const moe = mla + E * 3 * H * moeI + E * H + 3 * H * moeI + 2 * H; // routed, gate, one shared expert
  const lm = V * H + 3 * dense + 58 * moe + H + V * H;
  it("counts 3 dense + 58 MoE layers of MLA (the MTP layer is not built)", () => {
    const m = measure(raw, "AutoModelForCausalLM");
    expect(m.parameters).toBe(lm);
    expect(Math.round(m.parameters / 1e9)).toBe(671); // model card: 671B total (685B with the 14B MTP module)
  });
  it("keeps e_score_correction_bias as a float32 buffer in each MoE gate", () => {
    expect(measure(raw, "AutoModel").bufferBytes).toBe(58 * E * 4 + 2 * (rope / 2) * 4);
  });
});

describe("gpt_oss (openai/gpt-oss-20b)", () => {
  const raw = fixture("openai--gpt-oss-20b");
  const [V, H, I, L, E, hd] = [201088, 2880, 2880, 24, 32, 64];
  const attn = (H * 64 * hd + 64 * hd) + 2 * (H * 8 * hd + 8 * hd) + (64 * hd * H + H) + 64; // biases + sinks
  const experts = E * (H * 2 * I + 2 * I + I * H + H);
  const layer = attn + (E * H + E) + experts + 2 * H;
  it("counts biased fused experts, router bias and attention sinks", () => {
    const m = measure(raw, "AutoModelForCausalLM");
    expect(m.parameters).toBe(V * H + L * layer + H + V * H);
    expect(billions(m.parameters)).toBe(20.9); // model card: 21B parameters (20.9B)
  });
});

describe("llama4_text (meta-llama/Llama-4-Scout-17B-16E text model)", () => {
  const raw = fixture("meta-llama--Llama-4-Scout-17B-16E.text_config");
  const [V, H, I, L, E, hd] = [202048, 5120, 8192, 48, 16, 128];
  const attn = H * 40 * hd + 2 * H * 8 * hd + 40 * hd * H;
  const moe = E * (H * 2 * I + I * H) + E * H + 3 * H * I; // experts, router, shared expert
  const lm = V * H + L * (attn + moe + 2 * H) + H + V * H;
  it("counts every layer as MoE with a shared expert", () => {
    const m = measure(raw, "AutoModelForCausalLM");
    expect(m.parameters).toBe(lm);
    // Model card: 109B total, which includes the vision encoder; the text model alone is just under.
    expect(m.parameters).toBeLessThan(109e9);
    expect(billions(m.parameters, 0)).toBe(108);
  });
  it("interleaves dense layers when interleave_moe_layer_step is 2", () => {
    const dense = { ...raw, moe_layers: null, interleave_moe_layer_step: 2 };
    const denseLayer = attn + 3 * H * 16384 + 2 * H;
    expect(measure(dense, "AutoModel").parameters).toBe(V * H + 24 * denseLayer + 24 * (attn + moe + 2 * H) + H);
  });
});

describe("mistral3 (mistralai/Mistral-Small-3.1-24B-Instruct-2503)", () => {
  const raw = fixture("mistralai--Mistral-Small-3.1-24B-Instruct-2503");
  const [V, H, I, L, hd] = [131072, 5120, 32768, 40, 128];
  const text = V * H + L * (H * 32 * hd + 2 * H * 8 * hd + 32 * hd * H + 3 * H * I + 2 * H) + H;
  const [vH, vI, vL] = [1024, 4096, 24];
  const vision = 3 * 14 * 14 * vH + vH + vL * (4 * vH * vH + 3 * vH * vI + 2 * vH); // patch_conv, ln_pre, layers
  const projector = vH + 4 * vH * vH + vH * H + H * H; // norm, patch merger, linear_1, linear_2
  it("counts pixtral + projector + mistral, and the untied head", () => {
    expect(measure(raw, "AutoModel").parameters).toBe(vision + projector + text);
    const gen = measure(raw, "AutoModelForImageTextToText");
    expect(gen.parameters).toBe(vision + projector + text + V * H);
    expect(Math.round(gen.parameters / 1e9)).toBe(24); // model card: 24B
  });
  it("holds pixtral's axial rotary frequencies as transformers 5.18 does: head_dim / 2 of them, and a copy", () => {
    // modeling_pixtral.py (5.18) PixtralVisionRotaryEmbedding: inv_freq = arange(0, 64, 2) reordered, plus
    // original_inv_freq; the text model's rotary holds the same pair for its head_dim. All float32.
    const vision = 2 * (64 / 2) * 4;
    expect(measure(raw, "AutoModel").bufferBytes).toBe(vision + 2 * (hd / 2) * 4);
  });
});

describe("ministral (mistralai/Ministral-8B-Instruct-2410 dimensions)", () => {
  // The Hub file says model_type "mistral"; the same dimensions under "ministral" select MinistralForCausalLM.
  const raw = { ...fixture("mistralai--Ministral-8B-Instruct-2410"), model_type: "ministral" };
  const [V, H, I, L, hd] = [131072, 4096, 12288, 36, 128];
  const layer = H * 32 * hd + 2 * H * 8 * hd + 32 * hd * H + 3 * H * I + 2 * H;
  it("counts a bias-free Qwen2-layout decoder", () => {
    const m = measure(raw, "AutoModelForCausalLM");
    expect(m.parameters).toBe(V * H + L * layer + H + V * H);
    expect(billions(m.parameters)).toBe(8.0); // model card: 8.02B
  });
});

describe("smollm3 (HuggingFaceTB/SmolLM3-3B)", () => {
  const raw = fixture("HuggingFaceTB--SmolLM3-3B");
  const [V, H, I, L, hd] = [128256, 2048, 11008, 36, 128];
  const layer = H * 16 * hd + 2 * H * 4 * hd + 16 * hd * H + 3 * H * I + 2 * H;
  it("counts NoPE and RoPE layers alike, head tied by default", () => {
    const m = measure(raw, "AutoModel");
    expect(m.parameters).toBe(V * H + L * layer + H);
    expect(billions(m.parameters)).toBe(3.1); // model card: 3B (3.08B)
    expect(measure(raw, "AutoModelForCausalLM").parameters).toBe(V * H + L * layer + H + V * H); // tied head, counted in full
  });
});

describe("phi4 = phi3 architecture (microsoft/phi-4)", () => {
  // Phi-4 ships model_type "phi3"; this checks the phi3 port against Phi-4's published size.
  const raw = fixture("microsoft--phi-4");
  const [V, H, I, L, hd] = [100352, 5120, 17920, 40, 128];
  const layer = H * (40 * hd + 2 * 10 * hd) + 40 * hd * H + H * 2 * I + I * H + 2 * H; // qkv_proj, o_proj, gate_up, down
  it("counts fused qkv and gate_up projections", () => {
    const m = measure(raw, "AutoModelForCausalLM");
    expect(m.parameters).toBe(V * H + L * layer + H + V * H);
    expect(billions(m.parameters)).toBe(14.7); // model card: 14B parameters (14.7B)
  });
});
