import { InvalidConfigError } from "../../core/errors.js";
import type { StoredTensor } from "../../core/weights/tensors.js";

/**
 * ggml tensor types → [elements per block, bytes per block] (ggml.c `type_traits`), to give each tensor's stored
 * size from its shape.
 */
const GGML_BLOCKS: Readonly<Record<number, readonly [number, number]>> = {
  0: [1, 4], // F32
  1: [1, 2], // F16
  2: [32, 18], // Q4_0
  3: [32, 20], // Q4_1
  6: [32, 22], // Q5_0
  7: [32, 24], // Q5_1
  8: [32, 34], // Q8_0
  9: [32, 36], // Q8_1
  10: [256, 84], // Q2_K
  11: [256, 110], // Q3_K
  12: [256, 144], // Q4_K
  13: [256, 176], // Q5_K
  14: [256, 210], // Q6_K
  15: [256, 292], // Q8_K
  16: [256, 66], // IQ2_XXS
  17: [256, 74], // IQ2_XS
  18: [256, 98], // IQ3_XXS
  19: [256, 50], // IQ1_S
  20: [32, 18], // IQ4_NL
  21: [256, 110], // IQ3_S
  22: [256, 82], // IQ2_S
  23: [256, 136], // IQ4_XS
  24: [1, 1], // I8
  25: [1, 2], // I16
  26: [1, 4], // I32
  27: [1, 8], // I64
  28: [1, 8], // F64
  29: [256, 56], // IQ1_M
  30: [1, 2], // BF16
  34: [256, 54], // TQ1_0
  35: [256, 66], // TQ2_0
  39: [32, 17], // MXFP4
};

/**
 * Bounds on what a GGUF header may declare before we stop reading it. @huggingface/gguf 0.4 already refuses more
 * than 1e7 tensors, 1e5 key/values, strings over 1e7 bytes, arrays over 1e6 items, more than 8 dimensions or a
 * dimension over 2^32, and never buffers more than 50 MB of header; these are ours, checked whatever it allows.
 */
export const MAX_GGUF_TENSORS = 1_000_000;
export const MAX_GGUF_KV = 100_000;
/** ggml's GGML_MAX_NAME is 64 bytes; a longer tensor name is not a llama.cpp file. */
export const MAX_GGUF_NAME = 4096;

export interface GgufTensorInfoLike {
  readonly name: string;
  readonly shape: readonly bigint[];
  readonly dtype: number;
}

export function tensorsFromGguf(infos: readonly GgufTensorInfoLike[], source = "GGUF file"): StoredTensor[] {
  if (infos.length > MAX_GGUF_TENSORS) throw new InvalidConfigError(`${source}: the GGUF header lists ${infos.length} tensors (over ${MAX_GGUF_TENSORS})`);
  return infos.map((t) => {
    if (typeof t.name !== "string" || t.name.length > MAX_GGUF_NAME) {
      throw new InvalidConfigError(`${source}: a GGUF tensor name is over ${MAX_GGUF_NAME} characters`);
    }
    const shape = t.shape.map((d) => Number(d));
    const numel = shape.reduce((a, b) => a * b, 1);
    if (!shape.every((d) => Number.isSafeInteger(d) && d >= 0) || !Number.isSafeInteger(numel)) {
      throw new InvalidConfigError(`${source}: GGUF tensor \`${t.name.slice(0, 80)}\` has the impossible shape [${shape.join(", ").slice(0, 120)}]`);
    }
    const [per, bytes] = GGML_BLOCKS[t.dtype] ?? [1, 0];
    return { name: t.name, dtype: `ggml:${t.dtype}`, shape, bytes: Math.ceil(numel / per) * bytes };
  });
}

/** The file's quantization label from its name (`model-Q4_K_M.gguf` → Q4_K_M), for titles. */
export function ggufLabel(file: string): string | undefined {
  return /(?:^|[-_.])((?:I?Q\d[\w]*|F16|F32|BF16|TQ\d_\d|MXFP4))(?:[-.]|$)/i.exec(file.replace(/\.gguf$/i, ""))?.[1];
}

/** What a GGUF header says about the model: its tensors and `general.architecture`. */
export interface GgufHeader {
  readonly tensors: StoredTensor[];
  readonly architecture: string | undefined;
}
