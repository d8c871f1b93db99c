// npx tsx scripts/diffusers-check.ts [ID_SUBSTRING...]: compares diffusers records with our trees, listing the
// top-level children whose bytes differ.
import { readFileSync } from "node:fs";
import { buildDiffusers, estimate } from "../src/core/estimate-all.js";
import { parseConfigJson } from "../src/core/config/parse-json.js";
import { moduleSize } from "../src/core/measure/sizes.js";

const file = new URL("../test/fixtures/reference/diffusers-components.jsonl", import.meta.url);
const wanted = process.argv.slice(2);
let ok = 0;
let n = 0;
for (const line of readFileSync(file, "utf8").split("\n")) {
  if (!line.trim()) continue;
  const r = parseConfigJson(line, "ref") as any;
  if (wanted.length && !wanted.some((w) => r.id.includes(w))) continue;
  n++;
  try {
    const res = estimate(r.config, { model: r.id, library: "diffusers" });
    const e = r.expected;
    const diffs: string[] = [];
    const chk = (k: string, a: unknown, b: unknown) => JSON.stringify(a) !== JSON.stringify(b) && diffs.push(`${k}: ours ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    chk("params", res.parameters, e.param_count);
    chk("buffers", res.bufferBytes, e.buffer_bytes);
    chk("largest", res.largestLayer.bytes, e.largest_layer_bytes);
    chk("names", res.largestLayer.names.slice(0, 6), e.largest_layer_names.slice(0, 6));
    chk("names.length", res.largestLayer.names.length, e.largest_layer_names.length);
    chk("noSplit", res.noSplitModules, e.no_split_modules_raw);
    if (diffs.length === 0) {
      ok++;
      console.log(`OK   ${r.id}`);
      continue;
    }
    console.log(`FAIL ${r.id}\n  ${diffs.join("\n  ")}`);
    const built = buildDiffusers(r.config);
    const ours = new Map(built.module.children.map(([k, m]) => [k, moduleSize(m).bytes]));
    for (const [k, t] of built.module.params) ours.set(k, (t.shape.reduce((a: number, b: number) => a * b, 1)) * 4);
    for (const [k, bytes] of Object.entries(e.top_modules as Record<string, number>)) {
      if (ours.get(k) !== bytes) console.log(`    ${k}: ours ${ours.get(k)} vs ${bytes}`);
      ours.delete(k);
    }
    for (const [k, b] of ours) if (b) console.log(`    ${k}: ours only ${b}`);
  } catch (err) {
    console.log(`ERR  ${r.id}: ${(err as Error).message}`);
  }
}
console.log(`${ok}/${n}`);
