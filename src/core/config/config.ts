import { InvalidConfigError } from "../errors.js";

/** config.json as parsed, before any defaults. */
export type RawConfig = Readonly<Record<string, unknown>>;

/**
 * What transformers' `XxxConfig` class contributes: its `__init__` defaults, its `attribute_map` and the values
 * its `__init__` derives. Defaults are copied from the configuration_*.py file named in each architecture.
 */
export interface ConfigSpec {
  readonly modelType: string;
  readonly defaults: Readonly<Record<string, unknown>>;
  /** transformers' `attribute_map`: alias → the attribute really stored (GPT-2: `hidden_size` → `n_embd`). */
  readonly attributeMap?: Readonly<Record<string, string>>;
  /** What `__init__` computes from the other values (e.g. `num_key_value_heads` defaulting to the head count). */
  readonly derive?: (config: Config) => void;
}

/** Attributes every `PretrainedConfig` has, whatever the model (transformers/configuration_utils.py). */
export const PRETRAINED_DEFAULTS: Readonly<Record<string, unknown>> = {
  tie_word_embeddings: true,
  is_encoder_decoder: false,
  is_decoder: false,
  add_cross_attention: false,
  pad_token_id: null,
  bos_token_id: null,
  eos_token_id: null,
  pruned_heads: {},
};

/**
 * A config with its class's defaults merged under the file's values, read through typed accessors that
 * reject values no model can be built from (transformers would fail later with a stack trace; we fail first,
 * naming the key).
 */
export class Config {
  private readonly values: Record<string, unknown>;

  constructor(
    values: Record<string, unknown>,
    private readonly attributeMap: Readonly<Record<string, string>> = {},
    readonly label = "config",
  ) {
    this.values = values;
  }

  private key(name: string): string {
    return this.attributeMap[name] ?? name;
  }

  has(name: string): boolean {
    const v = this.values[this.key(name)];
    return v !== undefined;
  }

  get(name: string): unknown {
    return Object.hasOwn(this.values, this.key(name)) ? this.values[this.key(name)] : undefined;
  }

  set(name: string, value: unknown): void {
    this.values[this.key(name)] = value;
  }

  /** Sets `name` only when the file and the defaults left it null or absent (the `if x is None: x = …` idiom). */
  setDefault(name: string, value: unknown): void {
    const current = this.get(name);
    if (current === undefined || current === null) this.set(name, value);
  }

  private invalid(name: string, expected: string): never {
    const value = this.get(name);
    throw new InvalidConfigError(`${this.label}: \`${name}\` must be ${expected} (got ${previewValue(value)})`, name);
  }

  /** A count or size: an integer ≥ 0 (a float with no fraction, as Python's int() would accept, is fine). */
  int(name: string): number {
    const v = this.get(name);
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v > Number.MAX_SAFE_INTEGER) {
      return this.invalid(name, "a non-negative integer");
    }
    return v;
  }

  /** A size that must be at least 1 (hidden sizes, head counts). */
  positiveInt(name: string): number {
    const v = this.get(name);
    if (typeof v !== "number" || !Number.isInteger(v) || v < 1 || v > Number.MAX_SAFE_INTEGER) {
      return this.invalid(name, "a positive integer");
    }
    return v;
  }

  optionalInt(name: string): number | undefined {
    const v = this.get(name);
    return v === undefined || v === null ? undefined : this.int(name);
  }

  number(name: string): number {
    const v = this.get(name);
    if (typeof v !== "number" || Number.isNaN(v)) return this.invalid(name, "a number");
    return v;
  }

  bool(name: string): boolean {
    const v = this.get(name);
    // Python truthiness: configs in the wild carry 0/1 for flags.
    if (typeof v === "boolean") return v;
    if (v === null || v === undefined) return false;
    if (typeof v === "number") return v !== 0;
    if (typeof v === "string") return v !== "";
    return this.invalid(name, "a boolean");
  }

  string(name: string): string {
    const v = this.get(name);
    if (typeof v !== "string") return this.invalid(name, "a string");
    return v;
  }

  optionalString(name: string): string | undefined {
    const v = this.get(name);
    return v === undefined || v === null ? undefined : this.string(name);
  }

  intList(name: string): number[] {
    const v = this.get(name);
    if (!Array.isArray(v) || v.length > 100_000) return this.invalid(name, "a list of integers");
    return v.map((item, i) => {
      if (typeof item !== "number" || !Number.isInteger(item) || item < 0 || item > Number.MAX_SAFE_INTEGER) {
        return this.invalid(`${name}[${i}]`, "a non-negative integer");
      }
      return item;
    });
  }

  list(name: string): unknown[] {
    const v = this.get(name);
    if (!Array.isArray(v)) return this.invalid(name, "a list");
    return v;
  }

  /** A nested sub-config (`text_config`, `vision_config`…) as a plain object, or undefined when absent/null. */
  object(name: string): Record<string, unknown> | undefined {
    const v = this.get(name);
    if (v === undefined || v === null) return undefined;
    if (typeof v !== "object" || Array.isArray(v)) return this.invalid(name, "an object");
    return v as Record<string, unknown>;
  }

  /** `a` divides into `b` evenly, as the attention modules assert (`hidden_size % num_heads == 0`). */
  divisible(dividendKey: string, divisorKey: string): number {
    const a = this.int(dividendKey);
    const b = this.positiveInt(divisorKey);
    if (a % b !== 0) {
      throw new InvalidConfigError(
        `${this.label}: \`${dividendKey}\` (${a}) is not a multiple of \`${divisorKey}\` (${b})`,
        dividendKey,
      );
    }
    return a / b;
  }

  toJSON(): Record<string, unknown> {
    return { ...this.values };
  }
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * A config value as an error line shows it: JSON-like, at most 60 characters, and bounded in time and stack
 * whatever the value (a 5-million-element list, lists nested 100,000 deep: `JSON.stringify` would overflow).
 */
export function previewValue(value: unknown): string {
  const render = (v: unknown, depth: number): string => {
    if (v === undefined) return depth === 0 ? "missing" : "null";
    if (typeof v === "number") return Number.isFinite(v) ? JSON.stringify(v) : String(v);
    if (typeof v === "string") return JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}` : v);
    if (typeof v !== "object" || v === null) return String(v);
    if (depth >= 4) return Array.isArray(v) ? "[...]" : "{...}";
    if (Array.isArray(v)) {
      const items = v.slice(0, 8).map((x) => render(x, depth + 1));
      return `[${items.join(",")}${v.length > 8 ? ",..." : ""}]`;
    }
    const keys = Object.keys(v);
    const items = keys.slice(0, 8).map((k) => `${JSON.stringify(k.slice(0, 60))}:${render((v as Record<string, unknown>)[k], depth + 1)}`);
    return `{${items.join(",")}${keys.length > 8 ? ",..." : ""}}`;
  };
  return truncate(render(value, 0));
}

/**
 * Builds the config transformers would: `PretrainedConfig` defaults, then the class's `__init__` defaults, then
 * the file's values (aliases from `attribute_map` stored under their real names), then the derived values.
 */
export function resolveConfig(raw: RawConfig, spec: ConfigSpec, label = spec.modelType): Config {
  const attributeMap = spec.attributeMap ?? {};
  const values: Record<string, unknown> = { ...PRETRAINED_DEFAULTS, ...spec.defaults };
  for (const [key, value] of Object.entries(raw)) {
    values[attributeMap[key] ?? key] = value;
  }
  const config = new Config(values, attributeMap, label);
  spec.derive?.(config);
  return config;
}

/** No real config nests past a handful of levels; Python's json refuses ~1000 and the parser here 512. */
export const MAX_CONFIG_NESTING = 512;

/**
 * True when lists/objects in `value` nest deeper than `max`. Iterative: a value nested 100,000 deep (which
 * `JSON.parse` accepts) would overflow the stack of any recursive walk — `String([[…]])` included.
 */
export function nestedDeeperThan(value: unknown, max = MAX_CONFIG_NESTING): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (typeof v !== "object" || v === null) continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (typeof child === "object" && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}
