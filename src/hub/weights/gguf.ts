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

/** Bounds on what a GGUF header may declare before we stop reading it. */
export const MAX_GGUF_TENSORS = 1_000_000;

export interface GgufTensorInfoLike {
  readonly name: string;
  readonly shape: readonly bigint[];
  readonly dtype: number;
}

export function tensorsFromGguf(infos: readonly GgufTensorInfoLike[]): StoredTensor[] {
  if (infos.length > MAX_GGUF_TENSORS) throw new Error(`GGUF header lists ${infos.length} tensors (over ${MAX_GGUF_TENSORS})`);
  return infos.map((t) => {
    const shape = t.shape.map((d) => Number(d));
    const numel = shape.reduce((a, b) => a * b, 1);
    const [per, bytes] = GGML_BLOCKS[t.dtype] ?? [1, 0];
    return { name: t.name, dtype: `ggml:${t.dtype}`, shape, bytes: Math.ceil(numel / per) * bytes };
  });
}

/** The file's quantization label from its name (`model-Q4_K_M.gguf` → Q4_K_M), for titles. */
export function ggufLabel(file: string): string | undefined {
  return /(?:^|[-_.])((?:I?Q\d[\w]*|F16|F32|BF16|TQ\d_\d|MXFP4))(?:[-.]|$)/i.exec(file.replace(/\.gguf$/i, ""))?.[1];
}
