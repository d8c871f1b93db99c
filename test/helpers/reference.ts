import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseConfigJson } from "../../src/core/config/parse-json.js";

/** One record of test/fixtures/reference/*.jsonl (see its README). */
export interface ReferenceRecord {
  id: string;
  library: "transformers" | "timm";
  source: string;
  config: Record<string, unknown>;
  file: string;
  expected: {
    model_class: string;
    param_count: number;
    buffer_bytes: number;
    total_size_bytes: number;
    largest_layer_bytes: number;
    largest_layer_names: string[];
    no_split_modules: string[] | null;
    formatted_rows: [string, string, string, string][];
    table: string;
    top_modules: {
      children: { name: string; class: string; bytes: number }[];
      first_repeated_block?: { name: string; class: string; bytes: number; repeats: number; children: { name: string; class: string; bytes: number }[] };
    };
    buffer_groups: Record<string, { count: number; shape_first: number[]; dtype: string; persistent: boolean; bytes_total: number }>;
  };
}

export const REFERENCE_DIR = fileURLToPath(new URL("../fixtures/reference/", import.meta.url));
export const REFERENCE_FILES = ["transformers-default-configs.jsonl", "hub-configs.jsonl"] as const;

/** The records of a JSON Lines file (Python's JSON: `Infinity`, `NaN` allowed), blank lines skipped. */
export function readJsonl<T>(path: string | URL): T[] {
  const name = typeof path === "string" ? path : fileURLToPath(path);
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => parseConfigJson(line, name) as T);
}

export function loadReference(file: (typeof REFERENCE_FILES)[number]): ReferenceRecord[] {
  return readJsonl<Omit<ReferenceRecord, "file">>(REFERENCE_DIR + file).map((r) => ({ ...r, file }));
}

export function loadAllReference(): ReferenceRecord[] {
  return REFERENCE_FILES.flatMap((f) => loadReference(f));
}

export function recordKey(r: Pick<ReferenceRecord, "file" | "id">): string {
  return `${r.file.startsWith("hub") ? "hub" : "default"}:${r.id}`;
}
