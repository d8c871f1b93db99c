/**
 * The Planner's CLI flags (their names are a contract) and its human-readable breakdown table.
 */
import { convertBytes } from "../core/format/convert-bytes.js";
import { createAsciiTable } from "../core/format/ascii-table.js";
import { listGpus } from "../core/plan/gpus.js";
import { PLAN_OPTION_KEYS, PLAN_OPTION_TABLE, type PlanOptionDef } from "../core/plan/options.js";
import type { Plan } from "../core/plan/types.js";
import type { OptionSpec } from "./args.js";

/**
 * The planner's flags, read from the one option table (`PLAN_OPTION_TABLE`): `--seq-len N`, `--inference`,
 * `--lora-targets q_proj,v_proj`… An option added to the table is a flag here with nothing else to write.
 */
export const PLAN_OPTIONS: Readonly<Record<string, OptionSpec>> = Object.fromEntries(
  PLAN_OPTION_KEYS.map((key) => {
    const def: PlanOptionDef = PLAN_OPTION_TABLE[key];
    const defaultText = "default" in def && def.default !== undefined && def.kind !== "switch" ? ` (default ${String(def.default)})` : "";
    const spec: OptionSpec = {
      kind: def.kind === "switch" ? "flag" : def.kind === "list" ? "values" : "value",
      description: def.description + defaultText,
      ...(def.aliases ? { aliases: def.aliases } : {}),
      ...(def.valueName ? { valueName: def.valueName } : {}),
      ...(def.kind === "choice" ? { choices: def.choices } : def.kind === "integer" && def.choices ? { choices: def.choices.map(String) } : {}),
    };
    return [def.name, spec];
  }),
);

export function renderGpuList(): string {
  return listGpus();
}

/** The planner's figures are binary (2^30 bytes to a GiB), and say so — unlike accelerate's table, labelled "GB". */
export function binaryBytes(n: number): string {
  const units = ["bytes", "KiB", "MiB", "GiB", "TiB"];
  let v = n;
  let i = 0;
  while (Math.abs(v) >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${n} bytes` : `${v.toFixed(2)} ${units[i]}`;
}
const bytes = binaryBytes;

/** The breakdown table printed after accelerate's, then the stage table (training) and the stated assumptions. */
export function renderPlan(plan: Plan): string {
  const rows: string[][] = [["weights", bytes(plan.weightsBytes)]];
  if (plan.mode === "inference") rows.push(["KV cache", bytes(plan.kvCacheBytes)]);
  rows.push(["activations", bytes(plan.activationBytes)]);
  if (plan.mode === "training") {
    rows.push(["gradients", bytes(plan.gradientBytes)], ["optimizer", bytes(plan.optimizerBytes)]);
  }
  rows.push(["overhead", bytes(plan.overheadBytes)], [`total (peak: ${plan.peakPhase})`, bytes(plan.totalBytes)]);
  const s = plan.settings;
  const what =
    plan.mode === "inference"
      ? `Inference: ${String(s.quantization ?? s.dtype)}, batch ${String(s.batchSize)}, ${s.imageSize !== undefined ? `image ${String(s.imageSize)}` : `seq ${String(s.seqLen)}`}`
      : `Training (${String(s.train)}): ${String(s.precision)}, ${String(s.optimizer)}, batch ${String(s.batchSize)}, ${s.imageSize !== undefined ? `image ${String(s.imageSize)}` : `seq ${String(s.seqLen)}`}`;
  const perGpu = (plan.parallel?.gpus ?? 1) > 1 ? " per GPU" : "";
  const out = [createAsciiTable(["component", `memory${perGpu}`], rows, what)];
  const facts: string[] = [];
  if (plan.phases.length > 1) facts.push(`phases: ${plan.phases.map((p) => `${p.name} ${bytes(p.bytes)}`).join(", ")}`);
  if (plan.pagedOptimizerBytes) facts.push(`paged optimizer states (unified memory, not in the peak): ${bytes(plan.pagedOptimizerBytes)}`);
  if (plan.trainableParameters !== undefined) facts.push(`trainable parameters: ${plan.trainableParameters.toLocaleString("en-US")} of ${plan.parameters.toLocaleString("en-US")}`);
  if (plan.kvCache && plan.mode === "inference") facts.push(`KV cache: ${plan.kvCache.variant} — ${plan.kvCache.formula}`);
  if (plan.parallel) facts.push(`parallelism: ${plan.parallel.strategy}`);
  if (plan.modelStatesPerGpuBytes !== undefined) facts.push(`model states per GPU: ${bytes(plan.modelStatesPerGpuBytes)}${plan.parallel?.cpuBytesPerNode !== undefined ? `; CPU per node: ${bytes(plan.parallel.cpuBytesPerNode)}` : ""}`);
  if (plan.gpu) {
    facts.push(
      `${plan.gpu.name}: ${plan.fits ? "fits" : "does not fit"}; GPUs needed: ${plan.gpusNeeded ?? "more than 1024"}; max batch size: ${
        plan.maxBatchSize ?? "not modelled"
      }; max sequence length: ${plan.maxSeqLen ?? (plan.activations?.modelled ? "not a sequence model" : "not modelled")}`,
    );
  }
  if (facts.length) out.push(facts.join("\n"));
  if (plan.stages) {
    out.push(
      createAsciiTable(
        ["dtype", "Model", "Gradient calculation", "Backward pass", "Optimizer step"],
        plan.stages.map((r) => [r.dtype, r.display.model, r.display.gradientCalculation, r.display.backwardPass, r.display.optimizerStep]),
        "Training using Adam explained (Accelerate Space, batch size 1)",
      ),
    );
  }
  out.push(`assumptions:\n${plan.assumptions.map((a) => `- ${a}`).join("\n")}`);
  return out.join("\n");
}
