/**
 * How each front end names an option in its messages. The library's errors carry option keys (`OptionError`:
 * `seqLen`, `ggufFile`); the CLI shows its flags (`--seq-len`, `--gguf-file`), the server its query parameters
 * (`seq-len`, `gguf_file`).
 */
import { isEstimateError, OptionError } from "../core/errors.js";
import { planOptionName } from "../core/plan/options.js";

/** Options outside the planner: their CLI flag and query parameter (none when the server has no such input). */
const OTHER_OPTIONS: Readonly<Record<string, { readonly flag: string; readonly query?: string }>> = {
  library: { flag: "library_name", query: "library" },
  dtypes: { flag: "dtypes", query: "dtypes" },
  revision: { flag: "revision", query: "revision" },
  ggufFile: { flag: "gguf-file", query: "gguf_file" },
  accessToken: { flag: "access_token" },
  model: { flag: "MODEL", query: "model" },
  modelClass: { flag: "model-class", query: "model-class" },
  task: { flag: "task", query: "task" },
};

export type OptionStyle = "flag" | "query";

/** `seqLen` → `--seq-len` (flag) or `` `seq-len` `` (query). */
export function optionLabel(key: string, style: OptionStyle): string {
  const other = Object.hasOwn(OTHER_OPTIONS, key) ? OTHER_OPTIONS[key] : undefined;
  const name = planOptionName(key) ?? (style === "flag" ? other?.flag : other?.query) ?? key;
  if (style === "query") return `\`${name}\``;
  return key === "model" ? name : `--${name}`;
}

/** The one-line message of an error, its options named in `style`. */
export function errorMessage(error: unknown, style: OptionStyle): string {
  if (error instanceof OptionError) return error.render((key) => optionLabel(key, style));
  if (isEstimateError(error)) return error.message;
  return error instanceof Error ? error.message : String(error);
}
