// Copies the real config.json files held in test/fixtures/reference/hub-configs.jsonl into catalog/configs/, and
// (re)writes catalog/index.json from them plus catalog/extra.json (configs rebuilt by hand, and legacy aliases).
// Run after the reference or extra.json changes: `node scripts/catalog-from-reference.mjs`.
import { readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";

const root = new URL("../", import.meta.url);
const ref = new URL("test/fixtures/reference/hub-configs.jsonl", root);
mkdirSync(new URL("catalog/configs/", root), { recursive: true });
const fileFor = (id) => `${id.replace("/", "--")}.json`;
const models = {};
for (const line of readFileSync(ref, "utf8").split("\n")) {
  if (!line.trim()) continue;
  // The reference keeps config.json verbatim; Python's NaN/Infinity never occur in these files.
  const record = JSON.parse(line);
  writeFileSync(new URL(`catalog/configs/${fileFor(record.id)}`, root), JSON.stringify(record.config, null, 2) + "\n");
  models[record.id] = { file: fileFor(record.id), library: record.library, origin: record.source };
}
const extraUrl = new URL("catalog/extra.json", root);
const extra = existsSync(extraUrl) ? JSON.parse(readFileSync(extraUrl, "utf8")) : { models: {}, aliases: {} };
for (const [id, entry] of Object.entries(extra.models)) models[id] = { file: fileFor(id), ...entry };
const sorted = Object.fromEntries(Object.entries(models).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(
  new URL("catalog/index.json", root),
  JSON.stringify({ models: sorted, aliases: extra.aliases }, null, 1) + "\n",
);
console.log(`${Object.keys(sorted).length} models, ${Object.keys(extra.aliases).length} aliases`);
