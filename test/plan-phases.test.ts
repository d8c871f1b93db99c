// Phases, optimizers by Trainer's names, vision activations and the fit searches (issue 12). Numbers are hand counts.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { estimate } from "../src/core/estimate-all.js";
import type { Plan, PlanOptions } from "../src/core/plan/types.js";

const catalog = (id: string) => JSON.parse(readFileSync(new URL(`../catalog/configs/${id}.json`, import.meta.url), "utf8")) as Record<string, unknown>;
const LLAMA31 = catalog("meta-llama--Llama-3.1-8B");
const plan = (config: Record<string, unknown>, options: PlanOptions): Plan => {
  const p = estimate(config, { plan: options }).plan;
  if (!p) throw new Error("no plan");
  return p;
};
const phase = (p: Plan, name: string) => p.phases.find((x) => x.name === name)?.bytes;

describe("inference phases: prefill vs decode, not their sum", () => {
  it("Llama-3.1-8B, prompt 1024 of 8192: decode holds the full cache, prefill the prompt's", () => {
    const p = plan(LLAMA31, { inference: true, seqLen: 8192, promptLen: 1024, overheadMb: 0 });
    const perToken = 2 * 32 * 8 * 128 * 2; // K and V, 32 layers, 8 KV heads × 128, bf16 = 131,072 bytes
    expect(p.kvCacheBytes).toBe(8192 * perToken);
    // decode: one token per sequence: the MLP's 2 × (4·4096 + 3·14336) = 118,784 bytes, and the last position's
    // logits, float32 + bf16 (128,256 × 6 = 769,536).
    expect(phase(p, "decode")).toBe(p.weightsBytes + 8192 * perToken + 118_784 + 769_536);
    // prefill: the prompt's cache plus 1024 tokens × 118,784 of one block's transients, and the logits.
    expect(phase(p, "prefill")).toBe(p.weightsBytes + 1024 * perToken + 1024 * 118_784 + 769_536);
    expect(p.peakPhase).toBe("decode");
    expect(p.totalBytes).toBe(phase(p, "decode"));
  });
});

describe("optimizers by Hugging Face Trainer's optim names", () => {
  // LoRA r=8 on q_proj: T = 32 layers × 8 × (4096 + 4096) = 2,097,152 trainable float32 parameters.
  const T = 2_097_152;
  const base: PlanOptions = { train: "lora", loraR: 8, loraTargets: ["q_proj"], overheadMb: 0 };
  const states = (p: Plan) => p.weightsBytes + p.gradientBytes;

  it("adamw_torch (foreach) materialises a full-size temporary at the step; adamw_torch_fused does not", () => {
    const foreach = plan(LLAMA31, { ...base, optimizer: "adamw_torch" });
    expect(foreach.optimizerBytes).toBe(2 * T * 4);
    expect(phase(foreach, "optimizer")).toBe(states(foreach) + 2 * T * 4 + T * 4);
    const fused = plan(LLAMA31, { ...base, optimizer: "adamw_torch_fused" });
    expect(phase(fused, "optimizer")).toBe(states(fused) + 2 * T * 4);
    // the old short name is an alias
    expect(plan(LLAMA31, { ...base, optimizer: "adamw" }).settings.optimizer).toBe("adamw_torch");
  });

  it("adamw_hf loops per tensor: the temporary is the largest adapter tensor (8 × 4096 floats)", () => {
    const p = plan(LLAMA31, { ...base, optimizer: "adamw_hf" });
    expect(phase(p, "optimizer")).toBe(states(p) + 2 * T * 4 + 8 * 4096 * 4);
  });

  it("8-bit and paged states: uint8 + an absmax per 2048; paged ones are reported, not in the peak", () => {
    const bnb = plan(LLAMA31, { ...base, optimizer: "adamw_bnb_8bit" });
    expect(bnb.optimizerBytes).toBe(2 * T + (2 * T / 2048) * 4);
    const paged = plan(LLAMA31, { ...base, optimizer: "paged_adamw_32bit" });
    expect(paged.pagedOptimizerBytes).toBe(2 * T * 4);
    expect(phase(paged, "optimizer")).toBe(states(paged));
    expect(plan(LLAMA31, { ...base, optimizer: "lion_8bit" }).optimizerBytes).toBe(T + (T / 2048) * 4);
    // Trainer's sgd: torch.optim.SGD(lr) — momentum 0, no state.
    expect(plan(LLAMA31, { ...base, optimizer: "sgd" }).optimizerBytes).toBe(0);
  });

  it("--optimizer-in-backward: no step phase, one tensor's gradient at a time", () => {
    const p = plan(LLAMA31, { ...base, optimizerInBackward: true });
    expect(p.phases.map((x) => x.name)).toEqual(["forward", "backward"]);
    expect(p.gradientBytes).toBe(8 * 4096 * 4);
  });

  it("an unknown optimizer is a usage error naming the choices", () => {
    expect(() => plan(LLAMA31, { ...base, optimizer: "adam_w" as never })).toThrow(/adamw_torch_fused/);
  });
});

describe("vision activations from feature maps", () => {
  it("transformers ViT-B/16: 197 tokens at 224, 577 at --image-size 384", () => {
    const vit = catalog("google--vit-base-patch16-224");
    expect(plan(vit, { train: "full" }).activations?.tokensPerImage).toBe((224 / 16) ** 2 + 1);
    expect(plan(vit, { train: "full", imageSize: 384 }).activations?.tokensPerImage).toBe((384 / 16) ** 2 + 1);
  });

  it("timm ViT-B/16 reads its geometry from the tree: 197 tokens", () => {
    expect(plan(catalog("timm--vit_base_patch16_224.augreg2_in21k_ft_in1k"), { train: "full" }).activations?.tokensPerImage).toBe(197);
  });

  it("timm ResNet-50 on a 24 GB GPU: a bounded max batch, not the 2^24 search limit", () => {
    const p = plan(catalog("timm--resnet50.a1_in1k"), { train: "full", gpu: "RTX 4090 24GB" });
    // The stem alone keeps conv1's output and its BN/ReLU output, 64 × 112 × 112 each, in bf16: 3,211,264 bytes
    // per image; the batch cannot exceed 24 GiB / that.
    expect(p.maxBatchSize).toBeGreaterThan(0);
    expect(p.maxBatchSize).toBeLessThan((24 * 2 ** 30) / (2 * 64 * 112 * 112 * 2));
    expect(p.maxSeqLen).toBeNull();
  });

  it("a family whose feature maps are not modelled: the fit searches say so (null) instead of inventing numbers", () => {
    const p = plan(catalog("timm--efficientnet_b0.ra_in1k"), { train: "full", gpu: "RTX 4090 24GB" });
    expect(p.activations?.modelled).toBe(false);
    expect(p.maxBatchSize).toBeNull();
    expect(p.warnings.join(" ")).toMatch(/not modelled/);
  });
});

describe("warnings", () => {
  it("a sequence longer than max_position_embeddings warns (GPT-2: 1024)", () => {
    expect(plan(catalog("openai-community--gpt2"), { inference: true, seqLen: 2048 }).warnings.join(" ")).toMatch(/max_position_embeddings \(1024\)/);
    expect(plan(catalog("openai-community--gpt2"), { inference: true, seqLen: 1024 }).warnings).toEqual([]);
  });
});
