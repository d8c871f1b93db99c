// `npm run bench:serve`: `estimate-memory serve` in its own process on loopback, under load — 200 concurrent,
// then 10,000 sequential /api/estimate requests over the shipped catalog (offline) — printing p50/p99 latency,
// errors (must be 0) and the server's RSS before and after (must stay flat). Bounded: it stops by itself.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

const SEQUENTIAL = Number(process.env.BENCH_SEQUENTIAL ?? 10_000);
const CONCURRENT = 200;
const ids = Object.keys(JSON.parse(readFileSync(new URL("../catalog/index.json", import.meta.url), "utf8")).models);
const child = spawn(process.execPath, ["bin/estimate-memory.js", "serve", "--port", "0"], {
  env: { ...process.env, HF_HUB_OFFLINE: "1" },
  stdio: ["ignore", "pipe", "inherit"],
});
const base = await new Promise((resolve, reject) => {
  child.stdout.on("data", (chunk) => {
    const match = /serving (http:\/\/\S+?)\/? /.exec(String(chunk));
    if (match) resolve(match[1]);
  });
  child.once("exit", (code) => reject(new Error(`server exited ${code}`)));
});
const dtypeSets = ["float32", "float32,float16", "float16,int8,int4", ""];
const url = (i) => `${base}/api/estimate?model=${encodeURIComponent(ids[i % ids.length])}${dtypeSets[i % 4] ? `&dtypes=${dtypeSets[i % 4]}` : ""}`;
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const rss = async () => (await (await fetch(`${base}/api/health`)).json()).rss;

let errors = 0;
const timed = async (i) => {
  const t = performance.now();
  const res = await fetch(url(i));
  await res.arrayBuffer();
  // A 4xx (a catalog config whose architecture is not built yet) is an answer; a 5xx or a dropped request is not.
  if (res.status >= 500) errors++;
  return performance.now() - t;
};

try {
  const before = await rss();
  const concurrent = await Promise.all(Array.from({ length: CONCURRENT }, (_, i) => timed(i).catch(() => (errors++, NaN))));
  console.log(`${CONCURRENT} concurrent: p50 ${pct(concurrent, 50).toFixed(1)} ms, p99 ${pct(concurrent, 99).toFixed(1)} ms, errors ${errors}`);
  const afterBurst = await rss();
  const sequential = [];
  const deadline = performance.now() + 180_000;
  const samples = [];
  for (let i = 0; i < SEQUENTIAL && performance.now() < deadline; i++) {
    sequential.push(await timed(CONCURRENT + i).catch(() => (errors++, NaN)));
    if ((i + 1) % 2000 === 0) samples.push(mb(await rss()));
  }
  const after = await rss();
  console.log(`${sequential.length} sequential: p50 ${pct(sequential, 50).toFixed(2)} ms, p99 ${pct(sequential, 99).toFixed(2)} ms, errors ${errors}`);
  console.log(`server RSS: before ${mb(before)}, after the burst ${mb(afterBurst)}, after ${sequential.length} sequential ${mb(after)}`);
  console.log(`server RSS every 2,000 sequential requests: ${samples.join(", ")}`);
} finally {
  child.kill("SIGTERM");
}
if (errors > 0) process.exitCode = 1;
