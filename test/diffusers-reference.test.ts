// Every record of test/fixtures/reference/diffusers-components.jsonl (vendored from the shared reference: diffusers
// 0.40.0.dev0 @ 58eb52c + accelerate 1.15, built with `ModelClass.from_config` under `init_empty_weights`) against
// our module trees: class, parameters, buffer bytes, total, largest layer (bytes and names), `_no_split_modules`.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { estimate } from "../src/core/estimate.js";
import { parseConfigJson } from "../src/core/config/parse-json.js";

interface DiffusersRecord {
  id: string;
  class_name: string;
  config: Record<string, unknown>;
  expected: {
    model_class: string;
    param_count: number;
    buffer_bytes: number;
    total_size_bytes: number;
    largest_layer_bytes: number;
    largest_layer_names: string[];
    no_split_modules_raw: string[] | null;
    top_modules: Record<string, number>;
  };
}

const file = fileURLToPath(new URL("./fixtures/reference/diffusers-components.jsonl", import.meta.url));
const records = readFileSync(file, "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => parseConfigJson(line, file) as DiffusersRecord);

let exact = 0;

describe("diffusers reference records", () => {
  it("has the 27 records", () => expect(records.length).toBe(27));

  it.each(records.map((r) => [r.id, r] as const))("%s", (_id, r) => {
    const result = estimate(r.config, { model: r.id, library: "diffusers" });
    const e = r.expected;
    expect({
      modelClass: result.modelClass,
      parameters: result.parameters,
      bufferBytes: result.bufferBytes,
      totalBytes: result.totalBytes,
      largestLayerBytes: result.largestLayer.bytes,
      largestLayerNames: result.largestLayer.names,
      noSplitModules: result.noSplitModules,
    }).toEqual({
      modelClass: e.model_class,
      parameters: e.param_count,
      bufferBytes: e.buffer_bytes,
      totalBytes: e.total_size_bytes,
      largestLayerBytes: e.largest_layer_bytes,
      largestLayerNames: e.largest_layer_names,
      noSplitModules: e.no_split_modules_raw,
    });
    exact++;
  });

  afterAll(() => console.log(`diffusers reference: ${exact}/${records.length} exact`));
});
