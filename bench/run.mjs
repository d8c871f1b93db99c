// `npm run bench`: start-up and throughput figures. Targets (issues): CLI ≤ 2.5 × bare node; ≤ 1 ms per model
// in-process; all 217 default configs through the CLI in one process ≤ 3 × bare node.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { estimate } from "../dist/index.js";

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const wall = (args) => {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    // Exit status 1 (some model failed) is still a complete run; only a crash would make the figure meaningless.
    const r = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "ignore"] });
    if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(" ").slice(0, 80)}… exited ${r.status}`);
    times.push(performance.now() - t);
  }
  return median(times);
};
const fmt = (ms) => `${ms.toFixed(1)} ms`;

const bare = wall(["-e", "0"]);
const cli = wall(["bin/estimate-memory.js", "bert-base-cased"]);
process.env.HF_HUB_OFFLINE = "1";
const offline = wall(["bin/estimate-memory.js", "bert-base-cased"]);
delete process.env.HF_HUB_OFFLINE;
console.log(`bare node -e 0            median ${fmt(bare)}`);
console.log(`estimate-memory bert-base-cased  median ${fmt(cli)}  (${(cli / bare).toFixed(2)} × bare node; target ≤ 2.5) — asks the Hub first, then the shipped config`);
console.log(`HF_HUB_OFFLINE=1 estimate-memory bert-base-cased  median ${fmt(offline)}  (${(offline / bare).toFixed(2)} × bare node)`);

const refFile = new URL("../test/fixtures/reference/transformers-default-configs.jsonl", import.meta.url);
if (existsSync(refFile)) {
  const records = readFileSync(refFile, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l.replace(/\bInfinity\b/g, "1e999").replace(/\bNaN\b/g, "null")));
  const dir = mkdtempSync(join(tmpdir(), "estimate-memory-bench-"));
  const paths = records.map((r) => {
    const p = join(dir, `${r.id}.json`);
    writeFileSync(p, JSON.stringify(r.config));
    return p;
  });
  const all = wall(["bin/estimate-memory.js", "--json", ...paths]);
  console.log(`CLI, all ${paths.length} default configs in one process  median ${fmt(all)}  (${(all / bare).toFixed(2)} × bare node; target ≤ 3)`);

  // Warm up (JIT), then the median of 10 rounds over all configs: a figure for a long-lived process (server, batch).
  let ok = 0;
  const round = () => {
    let built = 0;
    const t = performance.now();
    for (const r of records) {
      try {
        estimate(r.config, { model: r.id });
        built++;
      } catch {}
    }
    ok = built;
    return performance.now() - t;
  };
  for (let i = 0; i < 3; i++) round();
  const per = median(Array.from({ length: 10 }, round)) / records.length;
  console.log(`in-process, ${records.length} default configs (${ok} built)  ${per.toFixed(3)} ms per model, median of 10 warm rounds (target ≤ 1 ms)`);
}

// A Llama 3.1 405B-shaped config (its published config.json values).
const llama405b = {
  model_type: "llama", hidden_size: 16384, intermediate_size: 53248, num_hidden_layers: 126, num_attention_heads: 128,
  num_key_value_heads: 8, vocab_size: 128256, max_position_embeddings: 131072, rope_theta: 500000.0, tie_word_embeddings: false,
};
const n = 2000;
const t405 = performance.now();
let params = 0;
for (let i = 0; i < n; i++) params = estimate(llama405b).parameters;
console.log(`in-process, 405B-sized llama (${(params / 1e9).toFixed(1)}B params)  ${((performance.now() - t405) / n).toFixed(3)} ms per estimate`);

// The page's JavaScript, gzip: what loads first (app.js) and everything including on-demand chunks (the Hub client).
const sizesUrl = new URL("../dist/web/sizes.json", import.meta.url);
if (existsSync(sizesUrl)) {
  const sizes = JSON.parse(readFileSync(sizesUrl, "utf8"));
  const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
  const initial = sizes.filter((s) => s.file.endsWith("/app.js")).reduce((a, s) => a + s.gzip, 0);
  const total = sizes.reduce((a, s) => a + s.gzip, 0);
  console.log(`page JS gzip: ${kb(initial)} loaded first, ${kb(total)} with the on-demand Hub client (budget 150 kB)`);
}
