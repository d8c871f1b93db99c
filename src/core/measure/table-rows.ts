import { convertBytes } from "../format/convert-bytes.js";

/** The precisions accelerate's table offers (`--dtypes` choices). */
export const TABLE_DTYPES = ["float32", "float16", "int8", "int4"] as const;
export type TableDType = (typeof TABLE_DTYPES)[number];

const DIVISOR: Record<TableDType, number> = { float32: 1, float16: 2, int8: 4, int4: 8 };

export interface TableRow {
  readonly dtype: TableDType;
  readonly largestLayerBytes: number;
  readonly totalBytes: number;
  /** accelerate's `estimate_training_usage` peak; null where it prints "N/A" (int8/int4). */
  readonly trainingBytes: number | null;
  /** The three cells exactly as accelerate prints them. */
  readonly display: { readonly largestLayer: string; readonly total: string; readonly training: string };
}

/**
 * accelerate's `estimate_training_usage`, reduced to the `max(...)` the command prints: float32 → model +
 * grads + 2 Adam states = 4×; float16 (mixed precision) → max(fp32 + fp32 // 2, 2 × fp32) = 2× the fp32 size.
 */
export function trainingBytes(fp32Total: number, dtype: TableDType): number | null {
  if (dtype === "float32") return fp32Total * 4;
  if (dtype === "float16") return fp32Total * 2;
  return null;
}

export interface SizeFacts {
  readonly totalBytes: number;
  readonly largestLayerBytes: number;
  /** Python holds the total / the largest layer as floats (bool buffers were summed in). */
  readonly totalIsFloat: boolean;
  readonly largestLayerIsFloat: boolean;
}

/** accelerate's `gather_data` + `estimate_command` formatting, one row per requested dtype, in order. */
export function tableRows(facts: SizeFacts, dtypes: readonly TableDType[]): TableRow[] {
  return dtypes.map((dtype) => {
    const divisor = DIVISOR[dtype];
    const training = trainingBytes(facts.totalBytes, dtype);
    // Python's `/` always yields a float, so only the undivided float32 values can print as ints.
    const largestLayerBytes = facts.largestLayerBytes / divisor;
    const totalBytes = facts.totalBytes / divisor;
    return {
      dtype,
      largestLayerBytes,
      totalBytes,
      trainingBytes: training,
      display: {
        largestLayer: convertBytes(largestLayerBytes, divisor === 1 && !facts.largestLayerIsFloat),
        total: convertBytes(totalBytes, divisor === 1 && !facts.totalIsFloat),
        training: training === null ? "N/A" : convertBytes(training, !facts.totalIsFloat),
      },
    };
  });
}

export const TABLE_HEADERS = ["dtype", "Largest Layer", "Total Size", "Training using Adam"] as const;

export function tableTitle(model: string): string {
  return `Memory Usage for loading \`${model}\``;
}
