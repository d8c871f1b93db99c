// The planner's state on the page and its two readings: the URL query (the CLI's flag names: `seq-len`, `lora-r`,
// `gpu`…) and the PlanOptions the core is given. Kept free of JSX so tests can hold it against the API's mapping.
import type { GpuSpec } from "../src/core/plan/gpu-catalog.js";
import { findGpu } from "../src/core/plan/gpus.js";
import { PLAN_DEFAULTS, PLAN_OPTION_TABLE, type PlanOptionKey } from "../src/core/plan/options.js";
import type { PlanDType, PlanOptions, Precision, Quantization, ZeroStage } from "../src/core/plan/types.js";
import { parsePlanValue, planOptionsFromQuery } from "../src/app/plan-options.js";

export const MODES = ["weights", "inference", "full", "lora", "qlora"] as const;
export type Mode = (typeof MODES)[number];
export const MODE_LABELS: Record<Mode, string> = { weights: "Weights only", inference: "Inference", full: "Full training", lora: "LoRA", qlora: "QLoRA" };

export interface PlannerState {
  readonly mode: Mode;
  readonly batchSize: number;
  readonly seqLen: number;
  /** Inference weights: a dtype, or a quantization method (which then decides the weights). */
  readonly dtype: PlanDType;
  readonly quantization: Quantization | "";
  readonly precision: Precision;
  readonly loraR: number;
  readonly loraTargets: string;
  readonly zero: "" | `${ZeroStage}`;
  readonly gpus: number;
  /** A GPU catalog name, or "" for none. */
  readonly gpu: string;
}

// The Planner's own defaults (from the one option table): a parameter at its default is left out of the URL and
// of PlanOptions, so a link, `/api/estimate` and the CLI given the same words compute the same plan.
export const PLANNER_DEFAULTS: PlannerState = {
  mode: "weights",
  batchSize: PLAN_DEFAULTS.batchSize,
  seqLen: PLAN_DEFAULTS.seqLen,
  dtype: PLAN_DEFAULTS.dtype,
  quantization: "",
  precision: PLAN_DEFAULTS.precision,
  loraR: PLAN_DEFAULTS.loraR,
  loraTargets: PLAN_DEFAULTS.loraTargets,
  zero: "",
  gpus: PLAN_DEFAULTS.gpus,
  gpu: "",
};

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined => (v !== null && (list as readonly string[]).includes(v) ? (v as T) : undefined);
export const positiveInt = (v: string | null): number | undefined => (v !== null && /^\d{1,9}$/.test(v) && Number(v) >= 1 ? Number(v) : undefined);
/** One planner option from a link, under its table name and read as the API reads it; undefined when absent or invalid. */
function fromLink<K extends PlanOptionKey>(q: URLSearchParams, key: K): PlanOptions[K] | undefined {
  const raw = q.get(PLAN_OPTION_TABLE[key].name);
  if (raw === null) return undefined;
  try {
    return parsePlanValue(key, raw) as PlanOptions[K];
  } catch {
    return undefined;
  }
}
/** A link may name a GPU as the CLI accepts it (`h100-80gb`, `4090`); an unknown or ambiguous name means none. */
function gpuNamed(name: string | null): GpuSpec | undefined {
  if (!name) return undefined;
  try {
    return findGpu(name);
  } catch {
    return undefined;
  }
}

/** Reads the planner from a query; unknown or malformed values fall back to the defaults rather than failing the page. */
export function readPlanner(q: URLSearchParams): PlannerState {
  const d = PLANNER_DEFAULTS;
  const targets = fromLink(q, "loraTargets");
  const zero = fromLink(q, "zero");
  return {
    mode: oneOf(MODES, q.get("mode")) ?? d.mode,
    batchSize: fromLink(q, "batchSize") ?? d.batchSize,
    seqLen: fromLink(q, "seqLen") ?? d.seqLen,
    dtype: fromLink(q, "dtype") ?? d.dtype,
    quantization: fromLink(q, "quantization") ?? d.quantization,
    precision: fromLink(q, "precision") ?? d.precision,
    loraR: fromLink(q, "loraR") ?? d.loraR,
    loraTargets: targets === undefined ? d.loraTargets : typeof targets === "string" ? targets : targets.join(","),
    zero: zero === undefined ? d.zero : `${zero}`,
    gpus: fromLink(q, "gpus") ?? d.gpus,
    gpu: gpuNamed(q.get("gpu"))?.name ?? d.gpu,
  };
}

export const isTraining = (m: Mode) => m === "full" || m === "lora" || m === "qlora";
export const isLora = (m: Mode) => m === "lora" || m === "qlora";

/** The query parameters (the CLI's flag names) that differ from the defaults and apply to the mode. */
export function plannerParams(s: PlannerState): [string, string][] {
  const d = PLANNER_DEFAULTS;
  if (s.mode === "weights") return s.gpu ? [["gpu", s.gpu]] : [];
  const out: [string, string][] = [["mode", s.mode]];
  if (s.batchSize !== d.batchSize) out.push(["batch-size", String(s.batchSize)]);
  if (s.seqLen !== d.seqLen) out.push(["seq-len", String(s.seqLen)]);
  if (s.mode === "inference") {
    if (s.quantization) out.push(["quantization", s.quantization]);
    else if (s.dtype !== d.dtype) out.push(["dtype", s.dtype]);
  } else if (s.precision !== d.precision) out.push(["precision", s.precision]);
  if (isLora(s.mode)) {
    if (s.loraR !== d.loraR) out.push(["lora-r", String(s.loraR)]);
    if (s.loraTargets !== d.loraTargets) out.push(["lora-targets", s.loraTargets]);
  }
  if (isTraining(s.mode) && s.zero) out.push(["zero", s.zero]);
  // ZeRO shards over a stated number of GPUs: with it, the count is written even at its default.
  if (s.gpus !== d.gpus || (isTraining(s.mode) && s.zero)) out.push(["gpus", String(s.gpus)]);
  if (s.gpu) out.push(["gpu", s.gpu]);
  return out;
}

/** The page's own `mode=…` as the API and the CLI say it: `inference=1` or `train=…`. */
export function apiParams(params: readonly [string, string][]): [string, string][] {
  return params.map(([k, v]): [string, string] => (k === "mode" ? (v === "inference" ? ["inference", "1"] : ["train", v]) : [k, v]));
}

/**
 * What the Planner is asked; undefined for "weights only" (accelerate's table alone, as without flags). Read by the
 * same parser as `/api/estimate`'s query, so the page cannot mean something else than the API; it throws the
 * parser's `OptionError` for a combination the Planner refuses.
 */
export function planOptionsOf(s: PlannerState): PlanOptions | undefined {
  if (s.mode === "weights") return undefined;
  return planOptionsFromQuery(new URLSearchParams(apiParams(plannerParams(s))));
}

/** The same plan from a terminal. */
export function cliFlags(s: PlannerState): string {
  return plannerParams(s)
    .filter(([k]) => s.mode !== "weights" || k !== "gpu")
    .map(([k, v]) => (k === "mode" ? (v === "inference" ? "--inference" : `--train ${v}`) : `--${k} ${/^[\w.,-]+$/.test(v) ? v : `"${v}"`}`))
    .join(" ");
}

