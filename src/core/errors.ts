/**
 * One family of errors: every failure a user can cause is an `EstimateError` whose message is a single line
 * fit to print after `error: `. Anything else reaching the CLI is a bug and keeps its stack.
 */
export class EstimateError extends Error {
  override name = "EstimateError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
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

export function isEstimateError(error: unknown): error is EstimateError {
  return error instanceof EstimateError;
}
