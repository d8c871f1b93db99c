// `npm run bench`: start-up, throughput and page-weight figures, each with its target and PASS/FAIL.
// Start-up figures are medians of wall times, as a ratio to a bare `node -e 0` measured in the same run; the
// commands take turns (one run of each per round), so a change in the machine's load touches all of them alike.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { estimate, familiesFor, parseConfigJson } from "../dist/index.js";

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const root = new URL("../", import.meta.url);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const fmt = (ms) => `${ms.toFixed(1)} ms`;
const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
let failures = 0;
const verdict = (ok) => {
  if (!ok) failures++;
  return ok ? "PASS" : "FAIL";
};

/** Wall time of one run of `node ...args` (exit 1, "some model failed", is still a complete run). */
const runOnce = (args, env) => {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "ignore"], env: { ...process.env, ...env }, cwd: root });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(" ").slice(0, 80)}… exited ${r.status}`);
  return performance.now() - t;
};

const tmp = mkdtempSync(join(tmpdir(), "estimate-memory-bench-"));
try {
  const cli = "bin/estimate-memory.js";
  const offline = { HF_HUB_OFFLINE: "1", HF_HOME: join(tmp, "hf") };
  const commands = {
    bare: { args: ["-e", "0"] },
    version: { args: [cli, "--version"] },
    bert: { args: [cli, "bert-base-cased"], env: offline },
  };
  // The 217 transformers default configs of the vendored reference data, as files, all in one CLI process.
  const refFile = new URL("test/fixtures/reference/transformers-default-configs.jsonl", root);
  let batch = 0;
  if (existsSync(refFile)) {
    const records = readFileSync(refFile, "utf8").split("\n").filter(Boolean).map((l) => parseConfigJson(l, "reference"));
    const paths = records.map((r) => {
      const p = join(tmp, `${r.id.replace(/[^\w.-]/g, "_")}.json`);
      writeFileSync(p, JSON.stringify(r.config));
      return p;
    });
    batch = paths.length;
    commands.batch = { args: [cli, "--json", ...paths], env: offline };
  }
  const times = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (let i = 0; i < RUNS; i++) for (const [k, c] of Object.entries(commands)) times[k].push(runOnce(c.args, c.env));
  const m = Object.fromEntries(Object.entries(times).map(([k, xs]) => [k, median(xs)]));
  const ratio = (k) => m[k] / m.bare;
  console.log(`bare node -e 0                                   ${fmt(m.bare)}  (median of ${RUNS})`);
  console.log(`HF_HUB_OFFLINE=1 estimate-memory bert-base-cased  ${fmt(m.bert)}  ${ratio("bert").toFixed(2)} × bare  target ≤ 1.5  ${verdict(ratio("bert") <= 1.5)}`);
  console.log(`estimate-memory --version                        ${fmt(m.version)}  ${ratio("version").toFixed(2)} × bare  target ≤ 1.2  ${verdict(ratio("version") <= 1.2)}`);
  if (batch) console.log(`estimate-memory --json, ${batch} default configs     ${fmt(m.batch)}  ${ratio("batch").toFixed(2)} × bare  target ≤ 2.0  ${verdict(ratio("batch") <= 2.0)}`);
  else console.log("estimate-memory --json over the default configs: skipped (test/fixtures/reference/ is not there)");

  // In a long-lived process (server, batch), after warm-up: informational.
  if (existsSync(refFile)) {
    const records = readFileSync(refFile, "utf8").split("\n").filter(Boolean).map((l) => parseConfigJson(l, "reference"));
    const round = () => {
      const t = performance.now();
      for (const r of records) {
        try {
          estimate(r.config, { model: r.id });
        } catch {}
      }
      return performance.now() - t;
    };
    for (let i = 0; i < 3; i++) round();
    const per = median(Array.from({ length: 10 }, round)) / records.length;
    console.log(`in-process, warm: ${per.toFixed(3)} ms per default config (median of 10 rounds)`);
  }

  // The page's JavaScript, gzip (dist/web/sizes.json, written by the build): what loads before any model is asked
  // for, and everything a model from the shipped catalog loads (its families' chunks), for the worst such model.
  const sizesUrl = new URL("dist/web/sizes.json", root);
  if (existsSync(sizesUrl)) {
    const sizes = new Map(JSON.parse(readFileSync(sizesUrl, "utf8")).map((s) => [s.file, s]));
    const closure = (files, into = new Set()) => {
      for (const f of files) {
        if (into.has(f)) continue;
        into.add(f);
        closure(sizes.get(f)?.imports ?? [], into);
      }
      return into;
    };
    const gzip = (set) => [...set].reduce((a, f) => a + (sizes.get(f)?.gzip ?? 0), 0);
    const chunkOf = new Map([...sizes.values()].filter((s) => s.family).map((s) => [s.family, s.file]));
    const first = closure(["app.js"]);
    const catalog = JSON.parse(readFileSync(new URL("dist/web/catalog/index.json", root), "utf8"));
    let worst = { id: "", bytes: 0 };
    for (const [id, entry] of Object.entries(catalog.models)) {
      const config = parseConfigJson(readFileSync(new URL(`dist/web/catalog/configs/${entry.file}`, root), "utf8"), entry.file);
      // Its families' chunks, and the Planner's: the page plans the model it shows.
      const chunks = [...familiesFor(config, { model: id }).map((f) => chunkOf.get(f.file)), chunkOf.get("planner")].filter(Boolean);
      const bytes = gzip(closure(chunks, new Set(first)));
      if (bytes > worst.bytes) worst = { id, bytes };
    }
    const index = gzipSync(readFileSync(new URL("dist/web/catalog/index.json", root))).length;
    const hubClient = gzip(closure([...sizes.keys()].filter((f) => /\/hub-client-/.test(f))));
    console.log(`page JS gzip, first load                         ${kb(gzip(first))}  target ≤ 100 kB  ${verdict(gzip(first) <= 100_000)}`);
    console.log(`page JS gzip, all a catalog model loads (worst: ${worst.id})  ${kb(worst.bytes)}  target ≤ 150 kB  ${verdict(worst.bytes <= 150_000)}`);
    console.log(`  (a model read from the Hub adds the Hub client: ${kb(hubClient)}; the page's catalog index: ${kb(index)} gzip)`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
if (failures > 0) console.log(`${failures} target(s) missed`);
