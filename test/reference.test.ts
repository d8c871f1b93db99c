// Walks every record of test/fixtures/reference/*.jsonl (transformers 4.47.1 + accelerate 1.2.1 + timm ground truth)
// and checks parameters, buffers, total, largest layer (bytes and names), no-split modules, rows and the table.
// Every record must match: there is no list of exceptions.
import { afterAll, describe, expect, it } from "vitest";
import { differences, estimateRecord } from "./helpers/compare.js";
import { loadAllReference, recordKey } from "./helpers/reference.js";

const records = loadAllReference();
let exact = 0;

describe("reference records", () => {
  it.each(records.map((r) => [recordKey(r), r] as const))("%s", (key, record) => {
    let diffs: string[];
    try {
      diffs = differences(record, estimateRecord(record));
    } catch (error) {
      diffs = [`error: ${(error as Error).message}`];
    }
    if (diffs.length === 0) exact++;
    expect(diffs).toEqual([]);
  });

  afterAll(() => {
    const byFile = (prefix: string) => records.filter((r) => recordKey(r).startsWith(prefix)).length;
    console.log(
      `reference: ${exact}/${records.length} exact (default configs ${byFile("default:")}, hub configs ${byFile("hub:")})`,
    );
  });
});
