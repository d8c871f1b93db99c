// The architectures that left the reference's pending list (clap, seamless_m4t, seamless_m4t_v2, grounding-dino,
// omdet-turbo, jukebox) on non-default configs: oracle records of transformers 4.47 (test/fixtures/oracle-4.47/,
// its README says how they were made), checked field by field like the reference records.
import { describe, expect, it } from "vitest";
import { differences, estimateRecord } from "./helpers/compare.js";
import { readJsonl, type ReferenceRecord } from "./helpers/reference.js";

const FILE = "ported-architectures.jsonl";
const records = readJsonl<Omit<ReferenceRecord, "file">>(new URL(`./fixtures/oracle-4.47/${FILE}`, import.meta.url)).map((r) => ({ ...r, file: FILE }));

describe("ported architectures against oracle records (transformers 4.47)", () => {
  it("covers every ported model type", () => {
    const types = new Set(records.map((r) => String(r.config.model_type)));
    expect([...types].sort()).toEqual(["clap", "grounding-dino", "jukebox", "omdet-turbo", "seamless_m4t", "seamless_m4t_v2"]);
  });

  it.each(records.map((r) => [r.id, r] as const))("%s", (_id, record) => {
    expect(differences(record, estimateRecord(record))).toEqual([]);
  });
});
