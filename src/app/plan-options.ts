/**
 * Planner options from text: the CLI's flags (as `parseArgs` gives them), the server's and the page's query
 * parameters. One reading for all three, over the one table in core (`PLAN_OPTION_TABLE`), so a flag, a query
 * parameter and a page control given the same words ask for the same plan. Errors name options by key
 * (`OptionError`); each front end renders them in its own spelling (option-names.ts).
 */
import { optionError, optionRef } from "../core/errors.js";
import { PLAN_OPTION_KEYS, PLAN_OPTION_TABLE, validatePlanOptions, type PlanOptionDef, type PlanOptionKey } from "../core/plan/options.js";
import type { PlanOptions } from "../core/plan/types.js";

/** Values by option name (`seq-len`), as a front end read them: text, a list of texts, or a switch. */
export type NamedValues = Readonly<Record<string, string | readonly string[] | boolean | undefined>>;

const SWITCH_ON = new Set(["", "1", "true", "yes", "on"]);
const SWITCH_OFF = new Set(["0", "false", "no", "off"]);

const last = (raw: string | readonly string[]): string => (typeof raw === "string" ? raw : (raw[raw.length - 1] ?? ""));

/** One option's value from its text; `OptionError` (by key) when the text is not a value of its kind. */
export function parsePlanValue(key: PlanOptionKey, raw: string | readonly string[] | boolean): unknown {
  const def: PlanOptionDef = PLAN_OPTION_TABLE[key];
  const k = optionRef(key);
  if (def.kind === "switch") {
    if (typeof raw === "boolean") return raw;
    const v = last(raw).trim().toLowerCase();
    if (SWITCH_ON.has(v)) return true;
    if (SWITCH_OFF.has(v)) return false;
    throw optionError`${k} is a switch: 1 or 0 (got ${v})`;
  }
  if (typeof raw === "boolean") throw optionError`${k} needs a value`;
  if (def.kind === "list") {
    const items = (typeof raw === "string" ? [raw] : raw).flatMap((t) => t.split(",")).map((t) => t.trim());
    if (items.length === 0 || items.some((t) => t === "")) throw optionError`${k} needs a value`;
    return items.length === 1 && items[0] === def.keyword ? def.keyword : items;
  }
  const text = last(raw).trim();
  if (text === "") throw optionError`${k} needs a value`;
  switch (def.kind) {
    case "choice":
      if (!def.choices.includes(text)) throw optionError`${k}: invalid choice '${text}' (choose from ${def.choices.join(", ")})`;
      return text;
    case "integer": {
      const n = Number(text);
      if (def.choices) {
        if (!/^\d+$/.test(text) || !def.choices.includes(n)) throw optionError`${k}: invalid choice '${text}' (choose from ${def.choices.join(", ")})`;
        return n;
      }
      if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < def.min) throw optionError`${k} must be a positive integer (got ${text})`;
      return n;
    }
    case "number": {
      const n = Number(text);
      if (!/^[\d.eE+-]+$/.test(text) || !Number.isFinite(n) || n < def.min) throw optionError`${k} must be a number ≥ ${def.min} (got ${text})`;
      return n;
    }
    case "gpu":
      return text;
  }
}

/**
 * The PlanOptions the named values ask for, validated (values, combinations, the GPU name), or undefined when
 * none was given. Called before any Hub request: a bad option is one error, whatever the number of models.
 */
export function planOptionsFromNamed(values: NamedValues): PlanOptions | undefined {
  const options: Record<string, unknown> = {};
  for (const key of PLAN_OPTION_KEYS) {
    const raw = values[PLAN_OPTION_TABLE[key].name];
    if (raw === undefined) continue;
    const value = parsePlanValue(key, raw);
    // A switch given as off is the same as not given.
    if (value !== false) options[key] = value;
  }
  if (Object.keys(options).length === 0) return undefined;
  if (!options.inference && !options.train) {
    const first = PLAN_OPTION_KEYS.find((key) => key in options) as PlanOptionKey;
    throw optionError`${optionRef(first)} plans memory: it needs ${optionRef("inference")} or ${optionRef("train")}`;
  }
  const plan = options as PlanOptions;
  validatePlanOptions(plan);
  return plan;
}

/**
 * `/api/estimate?inference=1&seq-len=8192&gpu=H100%2080GB`: the planner options as query parameters, under the
 * table's names and aliases; repeated parameters add to a list and otherwise the last one counts.
 */
export function planOptionsFromQuery(query: URLSearchParams): PlanOptions | undefined {
  const values: Record<string, string[]> = {};
  for (const key of PLAN_OPTION_KEYS) {
    const def: PlanOptionDef = PLAN_OPTION_TABLE[key];
    const found = [def.name, ...(def.aliases ?? [])].flatMap((name) => query.getAll(name));
    if (found.length > 0) values[def.name] = found;
  }
  return planOptionsFromNamed(values);
}

/** The query parameters (or, with `--`, the flags) that ask for `options`: the inverse of `planOptionsFromQuery`. */
export function planOptionsToParams(options: PlanOptions): [string, string][] {
  const out: [string, string][] = [];
  for (const key of PLAN_OPTION_KEYS) {
    const value = options[key];
    if (value === undefined || value === false) continue;
    const name = PLAN_OPTION_TABLE[key].name;
    out.push([name, value === true ? "1" : Array.isArray(value) ? value.join(",") : String(value)]);
  }
  return out;
}
