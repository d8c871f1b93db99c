/** The Accelerate Space's "Training using Adam explained" table (accelerate `estimate_training_usage`, batch size 1). */
import { convertBytes } from "../format/convert-bytes.js";
import type { StageRow } from "./types.js";

export function stageTable(fp32Total: number): StageRow[] {
  const half = Math.floor(fp32Total / 2);
  const row = (dtype: "float32" | "float16", model: number, gradientCalculation: number, backwardPass: number, optimizerStep: number): StageRow => ({
    dtype,
    model,
    gradientCalculation,
    backwardPass,
    optimizerStep,
    display: {
      model: convertBytes(model, true),
      gradientCalculation: convertBytes(gradientCalculation, true),
      backwardPass: convertBytes(backwardPass, true),
      optimizerStep: convertBytes(optimizerStep, true),
    },
  });
  return [
    // float32: model, + gradients, + 2 Adam states, peak 4×.
    row("float32", fp32Total, fp32Total, fp32Total * 2, fp32Total * 4),
    // mixed precision: fp32 model, gradients 1.5× (fp32 + fp16 copy), Adam states 2×; step = optimizer.
    row("float16", fp32Total, fp32Total + half, fp32Total * 2, fp32Total * 2),
  ];
}
