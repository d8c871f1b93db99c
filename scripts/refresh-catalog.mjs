// Re-downloads the config.json of every catalog entry from the Hub, rewrites catalog/configs/<org>--<name>.json and
// the entry's origin in catalog/extra.json (a downloaded file is no longer `rebuilt`), then regenerates
// catalog/index.json. Run it where the network reaches the Hub (never in tests: the Hub is unreachable there):
//
//   node scripts/refresh-catalog.mjs [ID...]        HF_ENDPOINT (default https://huggingface.co), HF_TOKEN for gated repos
//
// Entries that come from the reference (test/fixtures/reference/hub-configs.jsonl) are left to
// scripts/catalog-from-reference.mjs, which regenerates their files; they are reported as skipped. `refreshCatalog` takes the fetch function as a parameter so
// its logic is tested with a fake one (test/refresh-catalog.test.ts).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { execFileSync } from "node:child_process";

const DEFAULT_ENDPOINT = "https://huggingface.co";

/** The file name an id is stored under in catalog/configs. */
export const fileFor = (id) => `${id.replace("/", "--")}.json`;

/** Parses config.json text the way the estimator does: Python's NaN / Infinity are accepted. */
function parseLenient(text) {
  return JSON.parse(text.replace(/\bNaN\b|-?\bInfinity\b/g, "0"));
}

/**
 * @param {object} options
 * @param {string} options.root the package root (holding catalog/)
 * @param {(url: string, init: object) => Promise<Response>} options.fetch
 * @param {string} [options.endpoint] the Hub endpoint (HF_ENDPOINT)
 * @param {string} [options.token] a Hub token (HF_TOKEN), sent as a Bearer token
 * @param {string[]} [options.ids] only these ids (default: every entry of catalog/extra.json)
 * @param {Date} [options.now]
 * @param {(line: string) => void} [options.log]
 * @returns {Promise<{updated: string[], unchanged: string[], failed: {id: string, reason: string}[], skipped: string[]}>}
 */
export async function refreshCatalog({ root, fetch, endpoint = DEFAULT_ENDPOINT, token, ids, now = new Date(), log = () => {} }) {
  const extraPath = join(root, "catalog", "extra.json");
  const extra = JSON.parse(readFileSync(extraPath, "utf8"));
  const referencePath = join(root, "test", "fixtures", "reference", "hub-configs.jsonl");
  const referenceIds = new Set(
    existsSync(referencePath)
      ? readFileSync(referencePath, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l).id)
      : [],
  );
  const base = endpoint.replace(/\/+$/, "");
  const wanted = ids ?? Object.keys(extra.models);
  const result = { updated: [], unchanged: [], failed: [], skipped: [] };
  const day = now.toISOString().slice(0, 10);
  for (const id of wanted) {
    const entry = extra.models[id];
    if (!entry) {
      if (referenceIds.has(id)) result.skipped.push(id);
      else result.failed.push({ id, reason: "not a catalog/extra.json entry" });
      continue;
    }
    const url = `${base}/${id}/resolve/main/config.json`;
    const headers = { "user-agent": "estimate-memory refresh-catalog" };
    if (token) headers.authorization = `Bearer ${token}`;
    let response;
    try {
      response = await fetch(url, { headers, redirect: "follow" });
    } catch (error) {
      result.failed.push({ id, reason: `network: ${error?.message ?? error}` });
      log(`${id}: network error (${error?.message ?? error})`);
      continue;
    }
    if (!response.ok) {
      const reason = response.status === 401 || response.status === 403 ? `HTTP ${response.status} (gated or private: set HF_TOKEN)` : `HTTP ${response.status}`;
      result.failed.push({ id, reason });
      log(`${id}: ${reason}`);
      continue;
    }
    const text = await response.text();
    try {
      parseLenient(text);
    } catch (error) {
      result.failed.push({ id, reason: `not JSON: ${error.message}` });
      continue;
    }
    const commit = response.headers.get("x-repo-commit");
    const file = join(root, "catalog", "configs", fileFor(id));
    const before = existsSync(file) ? readFileSync(file, "utf8") : undefined;
    const body = text.endsWith("\n") ? text : text + "\n";
    writeFileSync(file, body);
    extra.models[id] = {
      library: entry.library,
      origin: `config.json of the Hub repo ${id}${commit ? ` at commit ${commit}` : ""}, downloaded ${day}`,
    };
    (before === body ? result.unchanged : result.updated).push(id);
    log(`${id}: ${before === body ? "unchanged" : "updated"}`);
  }
  writeFileSync(extraPath, JSON.stringify(extra, null, 2) + "\n");
  return result;
}

async function main() {
  const root = fileURLToPath(new URL("../", import.meta.url));
  const ids = process.argv.slice(2);
  const result = await refreshCatalog({
    root,
    fetch: globalThis.fetch,
    endpoint: process.env.HF_ENDPOINT || DEFAULT_ENDPOINT,
    token: process.env.HF_TOKEN || process.env.HUGGING_FACE_HUB_TOKEN || undefined,
    ids: ids.length ? ids : undefined,
    log: (line) => console.log(line),
  });
  execFileSync(process.execPath, [join(root, "scripts", "catalog-from-reference.mjs")], { stdio: "inherit" });
  console.log(
    `${result.updated.length} updated, ${result.unchanged.length} unchanged, ${result.failed.length} failed, ${result.skipped.length} skipped (from the reference)`,
  );
  for (const f of result.failed) console.log(`failed: ${f.id}: ${f.reason}`);
  if (result.failed.length && !result.updated.length && !result.unchanged.length) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
