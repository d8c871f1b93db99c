// Builders for synthetic checkpoint headers (the data after them is zeros: only headers are ever read).

export interface TensorSpec {
  readonly dtype: string;
  readonly shape: readonly number[];
}

const SAFETENSORS_BYTES: Record<string, number> = { F32: 4, F16: 2, BF16: 2, I32: 4, U8: 1, I8: 1, F8_E4M3: 1, I64: 8 };

/** A .safetensors file: u64 LE header length, the JSON header, then the (zero) data its offsets describe. */
export function makeSafetensors(tensors: Readonly<Record<string, TensorSpec>>, metadata?: Record<string, string>): Uint8Array {
  let offset = 0;
  const header: Record<string, unknown> = metadata ? { __metadata__: metadata } : {};
  for (const [name, t] of Object.entries(tensors)) {
    const bytes = t.shape.reduce((a, b) => a * b, 1) * (SAFETENSORS_BYTES[t.dtype] ?? 1);
    header[name] = { dtype: t.dtype, shape: t.shape, data_offsets: [offset, offset + bytes] };
    offset += bytes;
  }
  const json = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(8 + json.length + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(json.length), true);
  out.set(json, 8);
  return out;
}

/** A GGUF v3 file with string metadata and tensor infos (ggml type ids: 0 F32, 1 F16, 2 Q4_0, 12 Q4_K, 8 Q8_0). */
export function makeGguf(metadata: Readonly<Record<string, string>>, tensors: readonly { name: string; shape: number[]; type: number }[]): Uint8Array {
  const parts: number[] = [];
  const u32 = (v: number) => {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, v, true);
    parts.push(...b);
  };
  const u64 = (v: number | bigint) => {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setBigUint64(0, BigInt(v), true);
    parts.push(...b);
  };
  const str = (s: string) => {
    const bytes = new TextEncoder().encode(s);
    u64(bytes.length);
    parts.push(...bytes);
  };
  parts.push(...new TextEncoder().encode("GGUF"));
  u32(3);
  u64(tensors.length);
  u64(Object.keys(metadata).length);
  for (const [k, v] of Object.entries(metadata)) {
    str(k);
    u32(8); // string
    str(v);
  }
  let offset = 0;
  for (const t of tensors) {
    str(t.name);
    u32(t.shape.length);
    for (const d of t.shape) u64(d);
    u32(t.type);
    u64(offset);
    offset += 64;
  }
  while (parts.length % 32 !== 0) parts.push(0);
  for (let i = 0; i < offset; i++) parts.push(0);
  return new Uint8Array(parts);
}

/**
 * A toy Llama-style decoder as checkpoint headers: hidden 16, 2 layers, q/k/v/o 16×16, up/down 16↔64, vocab 100,
 * an untied lm_head (9,392 parameters; the hand count is in test/weights.test.ts).
 */
const toyLayer = (i: number) => ({
  [`model.layers.${i}.self_attn.q_proj.weight`]: { dtype: "BF16", shape: [16, 16] },
  [`model.layers.${i}.self_attn.k_proj.weight`]: { dtype: "BF16", shape: [16, 16] },
  [`model.layers.${i}.self_attn.v_proj.weight`]: { dtype: "BF16", shape: [16, 16] },
  [`model.layers.${i}.self_attn.o_proj.weight`]: { dtype: "BF16", shape: [16, 16] },
  [`model.layers.${i}.mlp.up_proj.weight`]: { dtype: "BF16", shape: [64, 16] },
  [`model.layers.${i}.mlp.down_proj.weight`]: { dtype: "BF16", shape: [16, 64] },
  [`model.layers.${i}.input_layernorm.weight`]: { dtype: "BF16", shape: [16] },
});
export const TOY_DECODER: Readonly<Record<string, TensorSpec>> = {
  "model.embed_tokens.weight": { dtype: "BF16", shape: [100, 16] },
  ...toyLayer(0),
  ...toyLayer(1),
  "model.norm.weight": { dtype: "BF16", shape: [16] },
  "lm_head.weight": { dtype: "BF16", shape: [100, 16] },
};
