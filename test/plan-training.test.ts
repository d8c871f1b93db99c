import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { estimate } from "../src/core/estimate-all.js";
import { quantizedLinearBytes, stageTable, zero2ModelStates, zero3ModelStates } from "../src/core/plan/index.js";
import type { PlanOptions } from "../src/core/plan/types.js";

const catalog = (id: string) => JSON.parse(readFileSync(new URL(`../catalog/configs/${id}.json`, import.meta.url), "utf8")) as Record<string, unknown>;
const LLAMA31 = catalog("meta-llama--Llama-3.1-8B");
const plan = (config: Record<string, unknown>, options: PlanOptions) => {
  const p = estimate(config, { plan: options }).plan;
  if (!p) throw new Error("no plan");
  return p;
};
// Llama-3.1-8B: 8,030,261,248 parameters (reference: 7,504,924,672 for LlamaModel + lm_head 128256 × 4096 = 525,336,576).
const P = 8_030_261_248;
// DeepSpeed model_to_params' largest layer: embed_tokens / lm_head, 128256 × 4096 = 525,336,576 own parameters.
const L = 525_336_576;

describe("LoRA (PEFT semantics)", () => {
  it("Llama-3.1-8B, r=16, all-linear → 41,943,040", () => {
    // per layer: q 4096+4096, k 4096+1024, v 4096+1024, o 4096+4096, gate/up 4096+14336 (×2), down 14336+4096
    // = 81,920 × 16 = 1,310,720; × 32 layers = 41,943,040 (lm_head excluded)
    const p = plan(LLAMA31, { train: "lora", loraR: 16, loraTargets: "all-linear" });
    expect(p.trainableParameters).toBe(41_943_040);
    expect(p.lora?.targetedModules).toBe(7 * 32);
  });

  it("named targets match by suffix: q_proj,v_proj r=8", () => {
    // 32 × 8 × ((4096 + 4096) + (4096 + 1024)) = 3,407,872
    expect(plan(LLAMA31, { train: "lora", loraR: 8, loraTargets: ["q_proj", "v_proj"] }).trainableParameters).toBe(3_407_872);
  });

  it("GPT-2 Conv1D layers are targeted with in/out read from the transposed weight", () => {
    // c_attn 768→2304, attn.c_proj 768→768, c_fc 768→3072, mlp.c_proj 3072→768: 12,288 × r 8 × 12 layers
    expect(plan(catalog("openai-community--gpt2"), { train: "lora", loraR: 8 }).trainableParameters).toBe(1_179_648);
  });

  it("a target that names nothing is a usage error (naming the option by key: the CLI shows --lora-targets)", () => {
    expect(() => plan(LLAMA31, { train: "lora", loraTargets: ["nope"] })).toThrow(/^`loraTargets`: none of nope names/);
  });
});

describe("DeepSpeed estimators", () => {
  it("ZeRO-2 without offload: 4·P + int(16·P / N)", () => {
    const p = plan(LLAMA31, { train: "full", gpus: 8, zero: 2 });
    // 4 × 8,030,261,248 + 16 × 8,030,261,248 / 8 = 32,121,044,992 + 16,060,522,496
    expect(p.modelStatesPerGpuBytes).toBe(48_181_567_488);
    expect(zero2ModelStates(P, 8, false).gpu).toBe(4 * P + Math.trunc((16 * P) / 8));
  });

  it("ZeRO-2 with CPU offload: 2·P on the GPU, P × max(4N, 16) × 1.5 on the CPU", () => {
    const z = zero2ModelStates(P, 8, true);
    expect(z.gpu).toBe(2 * P);
    expect(z.cpu).toBe(Math.trunc(P * 32 * 1.5));
  });

  it("ZeRO-3 without offload: 4·L + int(18·P / N), L = largest module's own parameters", () => {
    const p = plan(LLAMA31, { train: "full", gpus: 8, zero: 3 });
    expect(p.parallel?.largestLayerParameters).toBe(L);
    // 4 × 525,336,576 + 18 × 8,030,261,248 / 8 = 2,101,346,304 + 18,068,087,808
    expect(p.modelStatesPerGpuBytes).toBe(20_169_434_112);
  });

  it("ZeRO-3 offload variants", () => {
    expect(plan(LLAMA31, { train: "full", gpus: 8, zero: 3, offload: "cpu" }).modelStatesPerGpuBytes).toBe(4 * L);
    expect(plan(LLAMA31, { train: "full", gpus: 8, zero: 3, offload: "optimizer" }).modelStatesPerGpuBytes).toBe(4 * L + Math.trunc((2 * P) / 8));
    // CPU side, zero_init: P × 18 × 1.5 (params + optimizer offloaded), P × 16 × 1.5 (optimizer only)
    expect(zero3ModelStates(P, L, 8, "cpu").cpu).toBe(Math.trunc(P * 18 * 1.5));
    expect(zero3ModelStates(P, L, 8, "optimizer").cpu).toBe(Math.trunc(P * 16 * 1.5));
  });
});

describe("training components", () => {
  it("full fp32 AdamW: 4 + 4 + 8 bytes per parameter", () => {
    const p = plan(LLAMA31, { train: "full", precision: "fp32", overheadMb: 0 });
    // weights include the float32 rotary buffers (33 inv_freq tensors of 64 elements × 4 bytes = 8,448)
    expect(p.weightsBytes).toBe(4 * P + 8_448);
    expect(p.gradientBytes).toBe(4 * P);
    expect(p.optimizerBytes).toBe(8 * P);
  });

  it("mixed precision keeps fp32 + 16-bit weights (6 B/param, HF 'model training anatomy')", () => {
    const p = plan(LLAMA31, { train: "full" });
    expect(p.weightsBytes).toBe(6 * P + 8_448);
  });

  it("Adafactor's factored states for LoRA adapters: (2r + in + out) per adapted layer", () => {
    // q_proj only, r=8: 32 × (16 + 4096 + 4096) × 4 bytes = 1,050,624
    expect(plan(LLAMA31, { train: "lora", loraR: 8, loraTargets: ["q_proj"], optimizer: "adafactor" }).optimizerBytes).toBe(1_050_624);
  });

  it("the Accelerate Space's stage table, from accelerate's float32 total", () => {
    // bert-base-cased: accelerate total 433,249,280 bytes (reference table: 413.18 MB)
    const rows = stageTable(433_249_280);
    expect(rows[0]).toMatchObject({ model: 433_249_280, gradientCalculation: 433_249_280, backwardPass: 866_498_560, optimizerStep: 1_732_997_120 });
    expect(rows[1]).toMatchObject({ model: 433_249_280, gradientCalculation: 649_873_920, backwardPass: 866_498_560, optimizerStep: 866_498_560 });
    // the row maxima are accelerate's "Training using Adam": 1.61 GB and 826.36 MB
    expect(rows[0]?.display.optimizerStep).toBe("1.61 GB");
    expect(rows[1]?.display.optimizerStep).toBe("826.36 MB");
  });
});

describe("quantized weights", () => {
  it("bnb nf4: 0.5 B/weight + a float32 absmax per 64", () => {
    // 4096 × 4096 = 16,777,216 weights → 8,388,608 B + 262,144 blocks × 4 = 1,048,576
    expect(quantizedLinearBytes("bnb-nf4", 4096, 4096, { doubleQuant: false, groupSize: 128 })).toEqual({ weight: 8_388_608, state: 1_048_576 });
    // double quant: 262,144 uint8 absmax + 1,024 float32 second-level scales + one float32 offset
    expect(quantizedLinearBytes("bnb-nf4", 4096, 4096, { doubleQuant: true, groupSize: 128 })).toEqual({ weight: 8_388_608, state: 262_144 + 4_096 + 4 });
  });

  it("bnb int8: 1 B/weight + a float32 scale per output row", () => {
    expect(quantizedLinearBytes("bnb-int8", 4096, 1024, { doubleQuant: false, groupSize: 128 })).toEqual({ weight: 4_194_304, state: 4_096 });
  });

  it("GPTQ 4-bit, group 128: qweight + qzeros + fp16 scales + g_idx", () => {
    // 32 groups: qzeros 32 × 512 × 4 = 65,536; scales 32 × 4096 × 2 = 262,144; g_idx 4096 × 4 = 16,384
    expect(quantizedLinearBytes("gptq-4bit", 4096, 4096, { doubleQuant: false, groupSize: 128 })).toEqual({ weight: 8_388_608, state: 344_064 });
  });

  it("AWQ 4-bit, group 128: qweight + qzeros + fp16 scales", () => {
    expect(quantizedLinearBytes("awq-4bit", 4096, 4096, { doubleQuant: false, groupSize: 128 })).toEqual({ weight: 8_388_608, state: 65_536 + 262_144 });
  });

  it("bitsandbytes keeps embeddings, norms and lm_head in 16-bit", () => {
    const p = plan(LLAMA31, { inference: true, quantization: "bnb-nf4" });
    // Linear weights in the 32 blocks: 32 × (4096·4096·2 + 4096·1024·2 + 3·4096·14336) = 6,979,321,856
    expect(p.quantization?.quantizedParameters).toBe(6_979_321_856);
    expect(p.quantization?.keptParameters).toBe(P - 6_979_321_856);
  });
});

describe("GPU fit", () => {
  it("answers fits / gpusNeeded / maxBatchSize / maxSeqLen for a catalog GPU", () => {
    const p = plan(LLAMA31, { inference: true, seqLen: 8192, gpu: "H100 80GB" });
    expect(p.fits).toBe(true);
    expect(p.gpusNeeded).toBe(1);
    expect(p.maxBatchSize).toBeGreaterThan(1);
    expect(p.maxSeqLen).toBe(131072); // capped at max_position_embeddings
    const small = plan(LLAMA31, { inference: true, gpu: "RTX 4060 8GB" });
    expect(small.fits).toBe(false);
    expect(small.maxBatchSize).toBe(0);
    expect(small.gpusNeeded).toBe(3);
  });
});
