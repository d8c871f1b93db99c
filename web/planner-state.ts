// The planner's state on the page and its two readings: the URL query and the PlanOptions the core is given. The
// query uses the option table's names, as the CLI's flags and the API do (`inference=1&seq-len=8192`); links of
// the older form (`mode=inference`) are still read. Kept free of JSX so tests can hold it against the API.
import { findGpu } from "../src/core/plan/gpus.js";
import { PLAN_OPTION_KEYS, PLAN_OPTION_TABLE, type PlanOptionDef, type PlanOptionKey } from "../src/core/plan/options.js";
import { TRAIN_METHODS, type PlanOptions } from "../src/core/plan/types.js";
import { parsePlanValue, planOptionsFromQuery } from "../src/app/plan-options.js";

export const MODES = ["weights", "inference", ...TRAIN_METHODS] as const;
export type Mode = (typeof MODES)[number];
export const MODE_LABELS: Record<Mode, string> = { weights: "Weights only", inference: "Inference", full: "Full training", lora: "LoRA", qlora: "QLoRA" };

export const isTraining = (m: Mode) => m === "full" || m === "lora" || m === "qlora";
export const isLora = (m: Mode) => m === "lora" || m === "qlora";

/** The options the mode itself stands for (`inference`, `train`): the page's mode select sets them. */
const MODE_KEYS: readonly PlanOptionKey[] = ["inference", "train"];

/**
 * Where options apply beyond the table's own `appliesTo` (training / inference): the LoRA options need a LoRA
 * method, quantization choices are inference weights, double quantization is bitsandbytes 4-bit (inference or
 * QLoRA). A control is never offered where the Planner would refuse it.
 */
const APPLIES: Partial<Record<PlanOptionKey, (m: Mode) => boolean>> = {
  dtype: (m) => m === "inference",
  kvDtype: (m) => m === "inference",
  quantization: (m) => m === "inference",
  groupSize: (m) => m === "inference",
  doubleQuant: (m) => m === "inference" || m === "qlora",
  loraR: isLora,
  loraTargets: isLora,
  zero: isTraining,
  offload: isTraining,
  fsdp: isTraining,
};

/** The table's options the page shows a control for in `mode`, in the table's order. */
export function controlsFor(mode: Mode): PlanOptionKey[] {
  if (mode === "weights") return ["gpu"];
  return PLAN_OPTION_KEYS.filter((key) => {
    if (MODE_KEYS.includes(key)) return false;
    const applies = (PLAN_OPTION_TABLE[key] as { readonly appliesTo?: "training" | "inference" }).appliesTo;
    if (applies === "training" && !isTraining(mode)) return false;
    if (applies === "inference" && mode !== "inference") return false;
    return APPLIES[key]?.(mode) ?? true;
  });
}

export interface PlannerState {
  readonly mode: Mode;
  /** Each option's text as typed or linked (`"8192"`, `"q_proj,v_proj"`, `"1"` for a switch); absent = its default. */
  readonly values: Readonly<Partial<Record<PlanOptionKey, string>>>;
}

export const PLANNER_DEFAULTS: PlannerState = { mode: "weights", values: {} };

const names = (key: PlanOptionKey): string[] => {
  const def: PlanOptionDef = PLAN_OPTION_TABLE[key];
  return [def.name, ...(def.aliases ?? [])];
};

/** One option's text from a link, if the API would accept it (a GPU as the catalog names it); else undefined. */
function fromLink(q: URLSearchParams, key: PlanOptionKey): string | undefined {
  const raw = names(key).map((n) => q.get(n)).find((v) => v !== null);
  if (raw === undefined || raw === null) return undefined;
  try {
    const value = parsePlanValue(key, raw);
    if (key === "gpu") return findGpu(raw).name;
    if (value === false) return undefined;
    return value === true ? "1" : Array.isArray(value) ? value.join(",") : String(value);
  } catch {
    return undefined;
  }
}

/** The mode a link asks for: `inference=1`, `train=lora`, or the older `mode=inference`. */
function modeOf(q: URLSearchParams): Mode {
  const train = fromLink(q, "train");
  if (train) return train as Mode;
  if (fromLink(q, "inference")) return "inference";
  const legacy = q.get("mode");
  return legacy !== null && (MODES as readonly string[]).includes(legacy) ? (legacy as Mode) : "weights";
}

/** Reads the planner from a query; unknown or malformed values fall back to the defaults rather than failing the page. */
export function readPlanner(q: URLSearchParams): PlannerState {
  const values: Partial<Record<PlanOptionKey, string>> = {};
  for (const key of PLAN_OPTION_KEYS) {
    if (MODE_KEYS.includes(key)) continue;
    const v = fromLink(q, key);
    if (v !== undefined) values[key] = v;
  }
  return { mode: modeOf(q), values };
}

/** The text an option has when it is not given: its default, if the table has one. */
export function defaultText(key: PlanOptionKey): string {
  const def: PlanOptionDef = PLAN_OPTION_TABLE[key];
  if (!("default" in def) || def.default === undefined) return "";
  return def.default === true ? "1" : def.default === false ? "" : String(def.default);
}

/**
 * The query parameters (the table's names, as the CLI and the API spell them) for the options that apply to the
 * mode and differ from their defaults.
 */
export function plannerParams(s: PlannerState): [string, string][] {
  const out: [string, string][] = [];
  if (s.mode === "inference") out.push(["inference", "1"]);
  else if (s.mode !== "weights") out.push(["train", s.mode]);
  for (const key of controlsFor(s.mode)) {
    const v = s.values[key]?.trim();
    if (v === undefined || v === "" || v === defaultText(key)) continue;
    out.push([PLAN_OPTION_TABLE[key].name, v]);
  }
  // ZeRO and FSDP shard over a stated number of GPUs: with them, the count is written even at its default.
  const shards = isTraining(s.mode) && (s.values.zero || s.values.fsdp);
  if (shards && !out.some(([k]) => k === "gpus")) out.push(["gpus", s.values.gpus?.trim() || defaultText("gpus")]);
  return out;
}

/**
 * What the Planner is asked; undefined for "weights only" (accelerate's table alone, as without flags). Read by the
 * same parser as `/api/estimate`'s query, so the page cannot mean something else than the API; it throws the
 * parser's `OptionError` for a value or combination the Planner refuses.
 */
export function planOptionsOf(s: PlannerState): PlanOptions | undefined {
  if (s.mode === "weights") return undefined;
  return planOptionsFromQuery(new URLSearchParams(plannerParams(s)));
}

/** The same plan from a terminal. */
export function cliFlags(s: PlannerState): string {
  if (s.mode === "weights") return "";
  return plannerParams(s)
    .map(([k, v]) => {
      const def: PlanOptionDef = PLAN_OPTION_TABLE[k === "inference" ? "inference" : (PLAN_OPTION_KEYS.find((key) => PLAN_OPTION_TABLE[key].name === k) ?? "gpu")];
      if (def.kind === "switch") return `--${k}`;
      return `--${k} ${/^[\w.,-]+$/.test(v) ? v : `"${v}"`}`;
    })
    .join(" ");
}
