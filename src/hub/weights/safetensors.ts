import { InvalidConfigError } from "../../core/errors.js";
import type { StoredTensor } from "../../core/weights/tensors.js";

/** The format's own bound on the JSON header (safetensors refuses larger ones). */
export const MAX_SAFETENSORS_HEADER = 100 * 1024 * 1024;

interface HeaderEntry {
  dtype?: unknown;
  shape?: unknown;
  data_offsets?: unknown;
}

/** Validates a parsed header and lists its tensors (sizes from `data_offsets`, checked against the data size). */
export function tensorsFromHeader(header: unknown, source: string, dataBytes?: number): StoredTensor[] {
  if (typeof header !== "object" || header === null || Array.isArray(header)) {
    throw new InvalidConfigError(`${source}: the safetensors header is not a JSON object`);
  }
  const tensors: StoredTensor[] = [];
  const spans: [number, number][] = [];
  for (const [name, raw] of Object.entries(header as Record<string, HeaderEntry>)) {
    if (name === "__metadata__") continue;
    const { dtype, shape, data_offsets: offsets } = raw ?? {};
    const validShape = Array.isArray(shape) && shape.every((d) => Number.isSafeInteger(d) && d >= 0);
    const validOffsets =
      Array.isArray(offsets) && offsets.length === 2 && offsets.every((o) => Number.isSafeInteger(o) && o >= 0) && offsets[0] <= offsets[1];
    if (typeof dtype !== "string" || !validShape || !validOffsets) {
      throw new InvalidConfigError(`${source}: tensor \`${name.slice(0, 80)}\` has an invalid header entry`);
    }
    if (dataBytes !== undefined && (offsets[1] as number) > dataBytes) {
      throw new InvalidConfigError(`${source}: tensor \`${name.slice(0, 80)}\` points past the end of the file`);
    }
    const bytes = (offsets[1] as number) - (offsets[0] as number);
    const size = DTYPE_SIZES[dtype];
    if (size !== undefined && (shape as number[]).reduce((a: number, b: number) => a * b, 1) * size !== bytes) {
      throw new InvalidConfigError(`${source}: tensor \`${name.slice(0, 80)}\` has ${bytes} bytes for its shape and dtype`);
    }
    tensors.push({ name, dtype, shape: shape as number[], bytes });
    spans.push([offsets[0] as number, offsets[1] as number]);
  }
  // The format's own rule: the tensors tile the data from 0 with no hole or overlap.
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let end = 0;
  for (const [start, stop] of spans) {
    if (start !== end) throw new InvalidConfigError(`${source}: the safetensors offsets overlap or leave a hole at byte ${Math.min(start, end)}`);
    end = stop;
  }
  return tensors;
}

/** Bytes per element of the safetensors dtypes whose size is fixed (others are taken as stored). */
const DTYPE_SIZES: Readonly<Record<string, number>> = {
  F64: 8, I64: 8, U64: 8, F32: 4, I32: 4, U32: 4, F16: 2, BF16: 2, I16: 2, U16: 2, I8: 1, U8: 1, BOOL: 1, F8_E4M3: 1, F8_E5M2: 1,
};
