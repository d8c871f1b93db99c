// Developer aid: `npx tsx scripts/ref-check.ts [ID|MODEL_TYPE ...]` compares records with our estimate and
// shows where sizes differ. With no argument, prints the exact/failing/unsupported summary.
import { differences, estimateRecord, topModuleDiffs } from "../test/helpers/compare.js";
import { loadAllReference } from "../test/helpers/reference.js";

const wanted = process.argv.slice(2);
const verbose = wanted.length > 0;
let exact = 0;
const failing: string[] = [];
const errors: string[] = [];
const records = loadAllReference().filter((r) => !verbose || wanted.includes(r.id) || wanted.includes(r.config.model_type as string));
for (const r of records) {
  let diffs: string[];
  try {
    diffs = differences(r, estimateRecord(r));
  } catch (error) {
    errors.push(`${r.id}: ${(error as Error).message}`);
    if (verbose) console.log(`✗ ${r.id}: ${(error as Error).stack}`);
    continue;
  }
  if (diffs.length === 0) {
    exact++;
    if (verbose) console.log(`✓ ${r.id}`);
    continue;
  }
  failing.push(r.id);
  if (verbose) {
    console.log(`✗ ${r.id}\n  ${diffs.join("\n  ")}`);
    try {
      for (const d of topModuleDiffs(r)) console.log(`    ${d}`);
    } catch {}
  }
}
console.log(`${exact}/${records.length} exact; ${failing.length} differ: ${failing.join(" ")}`);
console.log(`${errors.length} not built${verbose ? "" : ": " + errors.filter((e) => !e.includes("not supported")).join("; ")}`);
