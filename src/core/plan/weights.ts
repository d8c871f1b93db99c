/**
 * Weight memory: plain dtypes, and the quantizers' storage layouts.
 *
 * What each quantizer converts is what transformers converts: every nn.Linear (and GPT-2's Conv1D for
 * bitsandbytes) outside the output head (`get_keys_to_not_convert` keeps lm_head); embeddings, norms, biases and
 * any other tensor stay in the 16-bit load dtype.
 * - bnb-int8 (LLM.int8, `Linear8bitLt`): int8 weight + one float32 row scale (SCB) per output feature.
 * - bnb-nf4 / bnb-fp4 (`Linear4bit`): two 4-bit values per byte + one float32 absmax per 64-element block; with
 *   double quantization the absmax become uint8 with a float32 scale per 256 of them (+ one float32 offset).
 * - gptq-Nbit (AutoGPTQ / GPTQModel packing): qweight int32 [in·bits/32, out], qzeros int32 [groups, out·bits/32],
 *   scales float16 [groups, out], g_idx int32 [in]; groups = ceil(in / group_size).
 * - awq-4bit (AutoAWQ GEMM): qweight int32 [in, out/8], qzeros int32 [groups, out/8], scales float16 [groups, out].
 * - fp8 (vLLM `quantization="fp8"`, per-tensor): one byte per weight + a float32 weight scale and input scale.
 */
import type { PlanDType, Quantization, QuantizationDetail } from "./types.js";
import type { TreeStats } from "./tree.js";

export const DTYPE_SIZE: Readonly<Record<PlanDType, number>> = { float32: 4, float16: 2, bfloat16: 2, fp8: 1 };

export interface WeightResult {
  readonly bytes: number;
  readonly detail?: QuantizationDetail;
}

/** All parameters and floating buffers at `bytesPerElement`, other buffers at their own dtype. */
export function plainWeights(stats: TreeStats, bytesPerElement: number): number {
  return (stats.parameters + stats.floatBufferNumel) * bytesPerElement + stats.otherBufferBytes;
}

/** Bytes one quantized Linear of [in → out] weight occupies, state included (biases excluded). */
export function quantizedLinearBytes(method: Quantization, inF: number, outF: number, opts: { doubleQuant: boolean; groupSize: number }): { weight: number; state: number } {
  const n = inF * outF;
  switch (method) {
    case "bnb-int8":
      return { weight: n, state: outF * 4 };
    case "bnb-nf4":
    case "bnb-fp4": {
      const blocks = Math.ceil(n / 64);
      const state = opts.doubleQuant ? blocks + Math.ceil(blocks / 256) * 4 + 4 : blocks * 4;
      return { weight: Math.ceil(n / 2), state };
    }
    case "gptq-4bit":
    case "gptq-8bit": {
      const bits = method === "gptq-4bit" ? 4 : 8;
      const groups = Math.ceil(inF / opts.groupSize);
      const qweight = ((inF * bits) / 32) * outF * 4;
      const qzeros = groups * Math.ceil((outF * bits) / 32) * 4;
      const scales = groups * outF * 2;
      const gIdx = inF * 4;
      return { weight: qweight, state: qzeros + scales + gIdx };
    }
    case "awq-4bit": {
      const groups = Math.ceil(inF / opts.groupSize);
      return { weight: inF * Math.ceil(outF / 8) * 4, state: groups * Math.ceil(outF / 8) * 4 + groups * outF * 2 };
    }
    case "fp8":
      return { weight: n, state: 8 };
  }
}

/**
 * Weights under a quantizer: quantized Linear weights + their state, everything else at `keptBytes` per element
 * (the 16-bit load dtype).
 */
export function quantizedWeights(stats: TreeStats, method: Quantization, keptBytes: number, opts: { doubleQuant: boolean; groupSize: number }): WeightResult {
  let quantizedParameters = 0;
  let weightBytes = 0;
  let stateBytes = 0;
  for (const l of stats.linears) {
    // GPTQ/AWQ/fp8 kernels only take nn.Linear; bitsandbytes also converts Conv1D (transformers' bnb integration).
    const convertible = !l.isHead && (!l.conv1d || method.startsWith("bnb"));
    if (!convertible) continue;
    const q = quantizedLinearBytes(method, l.inFeatures, l.outFeatures, opts);
    quantizedParameters += l.inFeatures * l.outFeatures * l.count;
    weightBytes += q.weight * l.count;
    stateBytes += q.state * l.count;
  }
  const keptParameters = stats.parameters - quantizedParameters;
  const bytes = weightBytes + stateBytes + (keptParameters + stats.floatBufferNumel) * keptBytes + stats.otherBufferBytes;
  return { bytes, detail: { method, quantizedParameters, keptParameters, stateBytes } };
}
