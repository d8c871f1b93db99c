/**
 * One family of errors: every failure a user can cause is an `EstimateError` whose message is a single line
 * fit to print after `error: `. Anything else reaching the CLI is a bug and keeps its stack.
 */
export class EstimateError extends Error {
  override name = "EstimateError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(oneLine(message), options);
  }
}

/** Past this an error line only repeats what the user gave (a 10 MB `model_type`): it is cut. */
const MAX_MESSAGE = 1000;

/**
 * Messages quote what the user gave (a model_type, a path, an id), which may hold line breaks: they are shown
 * escaped, so a message is always one line of bounded length.
 */
function oneLine(message: string): string {
  const flat = message.replace(/[\r\n\u2028\u2029]/g, (c) => (c === "\n" ? "\\n" : c === "\r" ? "\\r" : " "));
  return flat.length > MAX_MESSAGE ? `${flat.slice(0, MAX_MESSAGE - 3)}...` : flat;
}

/** The config text is not JSON (Python's flavour with `Infinity`/`NaN` included). */
export class ConfigParseError extends EstimateError {
  override name = "ConfigParseError";
  constructor(
    message: string,
    readonly source: string,
    readonly position?: { line: number; column: number },
  ) {
    super(message);
  }
}

/** A value in the config makes no model: wrong type, negative size, heads that do not divide the width. */
export class InvalidConfigError extends EstimateError {
  override name = "InvalidConfigError";
  constructor(
    message: string,
    readonly key?: string,
  ) {
    super(message);
  }
}

/** The config names a `model_type` (or a timm architecture) this package does not build. */
export class UnsupportedArchitectureError extends EstimateError {
  override name = "UnsupportedArchitectureError";
  constructor(
    message: string,
    readonly architecture: string,
  ) {
    super(message);
  }
}

/** A model reference that resolves to nothing: unknown id offline, missing path. */
export class ModelNotFoundError extends EstimateError {
  override name = "ModelNotFoundError";
}

/** A request the tool refuses: unknown dtype or library, bad flag value. */
export class UsageError extends EstimateError {
  override name = "UsageError";
}

/** An option named inside an `OptionError` message: rendered `--seq-len` by the CLI, `seq-len` by the server. */
export interface OptionRef {
  readonly option: string;
}

export const optionRef = (option: string): OptionRef => ({ option });
const isOptionRef = (v: unknown): v is OptionRef => typeof v === "object" && v !== null && typeof (v as OptionRef).option === "string";

/**
 * A bad option value or combination. The library knows options by their keys (`seqLen`, `ggufFile`), never by a
 * front end's spelling: the message is kept as parts so each front end names the options its own way with
 * `render`; `message` names them by key (`` `seqLen` must be a positive integer ``).
 */
export class OptionError extends UsageError {
  override name = "OptionError";
  /** The option at fault (the first one the message names). */
  readonly option: string;
  /** Every option the message names, in order. */
  readonly options: readonly string[];
  constructor(
    readonly parts: readonly (string | OptionRef)[],
    options?: { cause?: unknown },
  ) {
    super(renderParts(parts, (key) => `\`${key}\``), options);
    this.options = parts.filter(isOptionRef).map((p) => p.option);
    this.option = this.options[0] ?? "";
  }

  /** The message with each option named by `nameOf` (`(key) => "--" + flagOf(key)`). */
  render(nameOf: (option: string) => string): string {
    return oneLine(renderParts(this.parts, nameOf));
  }
}

function renderParts(parts: readonly (string | OptionRef)[], nameOf: (option: string) => string): string {
  return parts.map((p) => (typeof p === "string" ? p : nameOf(p.option))).join("");
}

/**
 * Builds an `OptionError` from a template: interpolated `optionRef(key)`s are option names, anything else is
 * quoted text. ``optionError`${optionRef("zero")} needs ${optionRef("gpus")}` ``.
 */
export function optionError(strings: TemplateStringsArray, ...values: unknown[]): OptionError {
  const parts: (string | OptionRef)[] = [];
  strings.forEach((text, i) => {
    if (text) parts.push(text);
    if (i < values.length) {
      const v = values[i];
      parts.push(isOptionRef(v) ? v : String(v));
    }
  });
  return new OptionError(parts);
}

export function isEstimateError(error: unknown): error is EstimateError {
  return error instanceof EstimateError;
}
