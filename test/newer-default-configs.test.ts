// Model types that transformers 4.47 did not have are built as transformers 5 builds them. Checked against the
// oracle's records of their 5.18.0 default configs (test/fixtures/reference-v5/newer-default-configs.jsonl, whose
// README says how they were made): every model type this package supports there must match field by field.
// Types the 4.47 reference set has (olmo2, llava_onevision) follow 4.47 in the default mode and are left to it.
import { describe, expect, it } from "vitest";
import { transformersArchitecture } from "../src/core/estimate-all.js";
import { differences, estimateRecord } from "./helpers/compare.js";
import { loadReference, readJsonl, type ReferenceRecord } from "./helpers/reference.js";

const FILE = "newer-default-configs.jsonl";
type OracleLine = Omit<ReferenceRecord, "file"> & { error?: string };
const lines = readJsonl<OracleLine>(new URL(`./fixtures/reference-v5/${FILE}`, import.meta.url));
const in447 = new Set(loadReference("transformers-default-configs.jsonl").map((r) => String(r.config.model_type)));
const checked = lines
  .filter((r) => r.error === undefined && !in447.has(String(r.config.model_type)) && transformersArchitecture(String(r.config.model_type)))
  .map((r) => ({ ...r, file: FILE }) as ReferenceRecord);

describe("newer model types against transformers 5.18.0 (default configs)", () => {
  it("checks every supported newer type (at least the nine matched when the records were added)", () => {
    const ids = checked.map((r) => r.id);
    for (const id of ["qwen3", "qwen3_moe", "smollm3", "gpt_oss", "llama4_text", "gemma3", "gemma3_text", "deepseek_v3", "mistral3"]) {
      expect(ids).toContain(id);
    }
  });

  it.each(checked.map((r) => [r.id, r] as const))("%s", (_id, record) => {
    expect(differences(record, estimateRecord(record))).toEqual([]);
  });
});
