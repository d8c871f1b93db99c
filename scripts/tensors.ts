// Developer aid: `npx tsx scripts/tensors.ts ID|config.json` prints every tensor of our module tree for a reference
// record (by id) or a transformers config.json, one `P|B name [shape] dtype` line each, in PyTorch's
// `named_parameters()` then `named_buffers()` order, tied aliases left out (as PyTorch de-duplicates them).
// Print the same lines from the real model in the oracle kit's 4.47.1 environment (docs/porting.md) and diff the
// two sorted lists to find a mismatch below the `top_modules` that scripts/ref-check.ts reports.
import { readFileSync } from "node:fs";
import { buildTransformers } from "../src/core/estimate-all.js";
import { parseConfigJson } from "../src/core/config/parse-json.js";
import type { RawConfig } from "../src/core/config/config.js";
import type { Module } from "../src/core/modules/module.js";
import { loadAllReference } from "../test/helpers/reference.js";

const arg = process.argv[2];
if (!arg) {
  console.error("usage: npx tsx scripts/tensors.ts ID|config.json");
  process.exit(2);
}
const record = loadAllReference().find((r) => r.id === arg);
const raw = record ? record.config : (parseConfigJson(readFileSync(arg, "utf8"), arg) as RawConfig);
const params: string[] = [];
const buffers: string[] = [];
const shape = (s: readonly number[]) => `[${s.join(", ")}]`;
function walk(m: Module, prefix: string): void {
  for (const [n, t] of m.params) if (!t.tied) params.push(`P ${prefix}${n} ${shape(t.shape)} ${t.dtype}`);
  for (const [n, t] of m.buffers) if (!t.tied) buffers.push(`B ${prefix}${n} ${shape(t.shape)} ${t.dtype}`);
  for (const [n, c] of m.children) walk(c, `${prefix}${n}.`);
  let i = 0;
  for (const run of m.items ?? []) for (let k = 0; k < run.count; k++) walk(run.module, `${prefix}${i++}.`);
}
walk(buildTransformers(raw, record?.id ?? arg).module, "");
console.log([...params, ...buffers].join("\n"));
