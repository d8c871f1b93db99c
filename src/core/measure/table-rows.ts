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

/** The four stages of the Accelerate Space's "Training using Adam explained" table. */
export interface TrainingStages {
  readonly dtype: TableDType;
  /** Bytes per stage; null where accelerate has no figure (int8/int4 training: "N/A"). */
  readonly model: number | null;
  readonly gradients: number | null;
  readonly backward: number | null;
  readonly optimizer: number | null;
  readonly display: readonly [string, string, string, string];
}

export const STAGE_HEADERS = ["dtype", "Model", "Gradient calculation", "Backward pass", "Optimizer step"] as const;

/**
 * accelerate's `estimate_training_usage` stage by stage, as the Space lays it out: float32 → model 1×,
 * gradients 1×, optimizer states 2×, step 4×; float16 mixed precision → model 1×, gradients 1.5× (fp32 +
 * fp32 // 2), optimizer 2×, step 2× (the fp32 total each time). The Space's "Backward pass" column holds
 * the optimizer entry and "Optimizer step" the step entry.
 */
export function trainingStages(fp32Total: number, dtype: TableDType, fp32IsFloat = false): TrainingStages {
  let stages: [number, number, number, number] | null = null;
  if (dtype === "float32") stages = [fp32Total, fp32Total, fp32Total * 2, fp32Total * 4];
  else if (dtype === "float16") stages = [fp32Total, fp32Total + Math.floor(fp32Total / 2), fp32Total * 2, fp32Total * 2];
  const show = (v: number | undefined) => (v === undefined ? "N/A" : convertBytes(v, !fp32IsFloat));
  return {
    dtype,
    model: stages?.[0] ?? null,
    gradients: stages?.[1] ?? null,
    backward: stages?.[2] ?? null,
    optimizer: stages?.[3] ?? null,
    display: [show(stages?.[0]), show(stages?.[1]), show(stages?.[2]), show(stages?.[3])],
  };
}
