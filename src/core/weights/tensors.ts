/**
 * Parameter counts from the tensors a checkpoint stores (safetensors or GGUF headers), for models no config
 * describes or whose architecture is not built here. Quantized checkpoints store packed or auxiliary tensors;
 * each is mapped back to the parameters it represents, so the count is the model's, not the file's.
 */
import { InvalidConfigError } from "../errors.js";

/** One tensor as a header lists it. `bytes` is what it takes on disk. */
export interface StoredTensor {
  readonly name: string;
  readonly dtype: string;
  readonly shape: readonly number[];
  readonly bytes: number;
}

export type QuantMethod = "bnb-4bit" | "bnb-8bit" | "gptq" | "awq" | "fp8" | "none";

export interface TensorCount {
  readonly name: string;
  /** Parameters the tensor stands for (0 for quantization state: scales, zeros, absmax…). */
  readonly parameters: number;
}

/** Tensors that only hold quantization state: never parameters of the model. */
const QUANT_STATE = [
  /\.(qzeros|scales|g_idx|absmax|quant_map|nested_absmax|nested_quant_map|SCB|weight_format)$/,
  /\.quant_state\./,
  /\.(weight_scale|weight_scale_inv|input_scale|k_scale|v_scale|output_scale)$/,
];

export function numelOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** The quantization a checkpoint uses, from its config's `quantization_config` or its tensor names. */
export function detectQuantization(tensors: readonly StoredTensor[], config?: Readonly<Record<string, unknown>>): { method: QuantMethod; bits: number } {
  const q = (config?.quantization_config ?? undefined) as Record<string, unknown> | undefined;
  const method = typeof q?.quant_method === "string" ? q.quant_method.toLowerCase() : undefined;
  const configBits = typeof q?.bits === "number" ? q.bits : typeof q?.w_bit === "number" ? q.w_bit : 4;
  // Packing 32 / bits weights per int32 only means something for a whole number of bits.
  const packBits = () => {
    if (Number.isInteger(configBits) && configBits >= 1 && configBits <= 32) return configBits;
    throw new InvalidConfigError(`config: \`quantization_config.bits\` must be an integer from 1 to 32 (got ${String(configBits).slice(0, 24)})`, "quantization_config");
  };
  if (method === "gptq") return { method: "gptq", bits: packBits() };
  if (method === "awq") return { method: "awq", bits: packBits() };
  if (method === "fp8") return { method: "fp8", bits: 8 };
  if (method === "bitsandbytes") return { method: q?.load_in_8bit === true ? "bnb-8bit" : "bnb-4bit", bits: q?.load_in_8bit === true ? 8 : 4 };
  const names = new Set(tensors.map((t) => t.name));
  if (tensors.some((t) => t.name.endsWith(".qweight"))) return { method: "gptq", bits: packBits() };
  if (tensors.some((t) => t.name.endsWith(".absmax") || t.name.includes(".quant_state."))) return { method: "bnb-4bit", bits: 4 };
  if (tensors.some((t) => t.name.endsWith(".SCB"))) return { method: "bnb-8bit", bits: 8 };
  if (tensors.some((t) => t.dtype.startsWith("F8") && names.has(`${t.name}_scale`))) return { method: "fp8", bits: 8 };
  return { method: "none", bits: 16 };
}

/**
 * Parameters each stored tensor represents:
 * - GPTQ/AWQ `qweight` (int32) packs 32 / bits weights per element;
 * - bitsandbytes 4-bit weights (uint8 with a sibling `.absmax` or quant state) pack two per byte;
 * - scales, zeros, absmax, quant maps, `g_idx`, SCB, FP8 scales are quantization state: 0.
 */
export function countTensors(tensors: readonly StoredTensor[], quant: { method: QuantMethod; bits: number }): TensorCount[] {
  const names = new Set(tensors.map((t) => t.name));
  // Tensors that own a quant state (`x.weight` for `x.weight.quant_state.bitsandbytes__nf4`): one pass, not one per tensor.
  const withQuantState = new Set<string>();
  for (const name of names) {
    for (let at = name.indexOf(".quant_state."); at !== -1; at = name.indexOf(".quant_state.", at + 1)) withQuantState.add(name.slice(0, at));
  }
  return tensors.map((t) => {
    if (QUANT_STATE.some((re) => re.test(t.name))) return { name: t.name, parameters: 0 };
    const numel = numelOf(t.shape);
    if (t.name.endsWith(".qweight") && (t.dtype === "I32" || t.dtype === "U32")) {
      return { name: t.name.replace(/\.qweight$/, ".weight"), parameters: numel * Math.floor(32 / quant.bits) };
    }
    const bnb4 = t.dtype === "U8" && (names.has(`${t.name}.absmax`) || withQuantState.has(t.name));
    if (bnb4) return { name: t.name, parameters: numel * 2 };
    return { name: t.name, parameters: numel };
  });
}

/**
 * The module a tensor belongs to for the largest-layer walk: decoder/encoder blocks (`model.layers.N`,
 * `transformer.h.N`, `blocks.N`, `encoder.layer.N`) count as one layer, like the `_no_split_modules` of the
 * models they come from; any other tensor belongs to its parent module (`model.embed_tokens`).
 */
export function layerOf(tensorName: string): string {
  const block = /^(.*?\b(?:layers|h|blocks|layer|block|blk))\.(\d+)(?=\.)/.exec(tensorName);
  if (block) return `${block[1]}.${block[2]}`;
  const dot = tensorName.lastIndexOf(".");
  return dot === -1 ? tensorName : tensorName.slice(0, dot);
}

/** Sorts names with their numbers in numeric order (`layers.2` before `layers.10`), as a module walk would visit them. */
export function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}
