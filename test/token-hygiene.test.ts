// The Hub token never shows: not in stdout, stderr, error lines or --json output, whatever the failure (gated,
// private, missing, 429/5xx, unreachable endpoint, redirects), stack traces included (DEBUG=estimate-memory);
// and it is only ever sent to HF_ENDPOINT's host — never to a CDN a redirect points at, never in a URL.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { startHubStandIn, type HubStandIn, type RecordedRequest, type StandInRepo } from "./helpers/hub-stand-in.js";
import { makeGguf, makeSafetensors } from "./helpers/weights.js";
import { tempDir } from "./helpers/temp-dir.js";

const TOKEN = "hf_hygieneSecret0123456789abcdefXYZ";
/** Another user's token: the stand-in accepts only this one for gated/private repos, so TOKEN is refused. */
const OTHER = "hf_someoneElsesToken9876543210";
const BERT = JSON.stringify({ model_type: "bert", hidden_size: 64, num_attention_heads: 4, num_hidden_layers: 2, intermediate_size: 128, vocab_size: 100 });
const GGUF = makeGguf({ "general.architecture": "llama" }, [{ name: "blk.0.attn_q.weight", shape: [8, 8], type: 0 }]);
const SAFETENSORS = makeSafetensors({ "model.layers.0.mlp.up_proj.weight": { dtype: "BF16", shape: [8, 4] } });

const repos: StandInRepo[] = [
  { id: "org/public", files: { "config.json": BERT } },
  { id: "org/gated", gated: true, files: { "config.json": BERT } },
  { id: "org/private", private: true, files: { "config.json": BERT } },
  { id: "org/gguf", files: { "model-Q4_0.gguf": GGUF } },
  { id: "org/weights", files: { "config.json": JSON.stringify({ model_type: "not-a-real-type" }), "model.safetensors": SAFETENSORS } },
];

let hub: HubStandIn;
let cdn: HubStandIn;
let gone: string;

beforeAll(async () => {
  hub = await startHubStandIn(repos, [OTHER]);
  cdn = await startHubStandIn(repos);
  const closed = await startHubStandIn([]);
  gone = closed.url;
  await closed.close();
});

afterAll(async () => {
  await hub.close();
  await cdn.close();
});

const home = () => tempDir("estimate-memory-token-");

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The token reaches the CLI three ways; each run uses one of them, and DEBUG (stack traces) on or off. */
type Via = "env" | "flag" | "file";
async function run(model: string, via: Via, extra: { argv?: string[]; env?: Record<string, string> } = {}): Promise<Outcome> {
  const hfHome = home();
  if (via === "file") writeFileSync(join(hfHome, "token"), `${TOKEN}\n`);
  const env: Record<string, string | undefined> = {
    HF_ENDPOINT: hub.url,
    HF_HOME: hfHome,
    ...(via === "env" ? { HF_TOKEN: TOKEN } : {}),
    ...extra.env,
  };
  const argv = [model, ...(via === "flag" ? ["--access_token", TOKEN] : []), ...(extra.argv ?? [])];
  let stdout = "";
  let stderr = "";
  // The retry backoff is recorded, not slept: "after every retry" runs take no time.
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env, sleep: async () => {} });
  return { code, stdout, stderr };
}

/** Every trace of the token, in full or in part (a prefix long enough to identify it). */
function expectNoToken(o: Outcome, label: string): void {
  for (const text of [o.stdout, o.stderr]) {
    expect(text, label).not.toContain(TOKEN);
    expect(text, label).not.toContain(TOKEN.slice(3, 20));
  }
}

function expectOnlyEndpointSawToken(label: string): void {
  const carries = (r: RecordedRequest) => (r.authorization ?? "").includes(TOKEN.slice(3)) || r.url.includes(TOKEN.slice(3));
  // The CDN (another host) never sees it, in a header or a URL.
  expect(cdn.requests.filter(carries), label).toEqual([]);
  expect(cdn.requests.filter((r) => r.authorization !== undefined), label).toEqual([]);
  // On the endpoint it travels only as the Authorization header, never in a URL.
  expect(hub.requests.filter((r) => r.url.includes(TOKEN.slice(3))), label).toEqual([]);
  for (const r of hub.requests) if (r.authorization !== undefined) expect(r.authorization, label).toBe(`Bearer ${TOKEN}`);
}

const VIAS: readonly Via[] = ["env", "flag", "file"];
const DEBUG = { DEBUG: "estimate-memory" };

describe("token hygiene: error paths print no token", () => {
  const cases: readonly { name: string; model: string; expected: RegExp; setup?: () => void; teardown?: () => void; endpoint?: () => string }[] = [
    { name: "gated", model: "org/gated", expected: /org\/gated is gated/ },
    { name: "private", model: "org/private", expected: /not found on the Hub \(private\? pass a token\)/ },
    { name: "missing", model: "org/missing", expected: /not found on the Hub/ },
    { name: "missing revision", model: `${"org/public"}`, expected: /revision v9 not found/ },
    { name: "unreachable endpoint", model: "org/public", expected: /cannot reach the Hub at/, endpoint: () => gone },
    { name: "redirect to an unreachable CDN", model: "org/public", expected: /cannot reach the Hub|failed/, setup: () => hub.redirectFilesTo(gone), teardown: () => hub.redirectFilesTo(undefined) },
  ];

  for (const c of cases) {
    it(`${c.name}: stdout, stderr and --json, token from HF_TOKEN / --access_token / the token file, with and without DEBUG`, async () => {
      c.setup?.();
      try {
        for (const via of VIAS) {
          for (const debug of [false, true]) {
            const argv = ["--json", ...(c.name === "missing revision" ? ["--revision", "v9"] : [])];
            const env = { ...(debug ? DEBUG : {}), ...(c.endpoint ? { HF_ENDPOINT: c.endpoint() } : {}) };
            const o = await run(c.model, via, { argv, env });
            const label = `${c.name} via ${via}${debug ? " DEBUG" : ""}`;
            expect(o.code, label).toBe(1);
            expect(o.stderr, label).toMatch(c.expected);
            expect(JSON.parse(o.stdout.trim()).error, label).toMatch(c.expected);
            expectNoToken(o, label);
            // And the table mode's error line.
            expectNoToken(await run(c.model, via, { argv: argv.filter((a) => a !== "--json"), env }), `${label} (table)`);
          }
        }
      } finally {
        c.teardown?.();
      }
      expectOnlyEndpointSawToken(c.name);
    });
  }

  it("429 and 503 after every retry", async () => {
    // Each runs out the retries: one with DEBUG's stack trace, one without.
    for (const [status, debug] of [[429, true], [503, false]] as const) {
      {
        hub.failNext(100, status);
        try {
          const o = await run("org/public", "env", { argv: ["--json"], env: debug ? DEBUG : {} });
          expect(o.code).toBe(1);
          expect(o.stderr).toMatch(new RegExp(`HTTP ${status} for org/public after several tries`));
          expectNoToken(o, `${status}${debug ? " DEBUG" : ""}`);
        } finally {
          hub.failNext(0, 503);
        }
      }
    }
    expectOnlyEndpointSawToken("429/503");
  });

  it("a token that is not a Hugging Face token is refused without being echoed", async () => {
    const bad = "not-a-token-but-a-secret-42";
    let stderr = "";
    let stdout = "";
    const code = await main(["org/public", "--json", "--access_token", bad], {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      env: { HF_ENDPOINT: hub.url, HF_HOME: home(), ...DEBUG },
    });
    expect(code).not.toBe(0);
    expect(stdout + stderr).not.toContain(bad);
    expect(cdn.requests.some((r) => (r.authorization ?? "").includes(bad))).toBe(false);
  });
});

describe("token hygiene: the token goes to HF_ENDPOINT's host only", () => {
  it("successful runs (config, GGUF and safetensors headers) with every file redirected to a CDN: the CDN never sees it", async () => {
    hub.redirectFilesTo(cdn.url);
    const before = cdn.requests.length;
    try {
      for (const model of ["org/public", "org/gguf", "org/weights"]) {
        for (const via of VIAS) {
          const o = await run(model, via, { argv: ["--json"] });
          expect(o.code, `${model} via ${via}: ${o.stderr}`).toBe(0);
          expectNoToken(o, `${model} via ${via}`);
        }
      }
    } finally {
      hub.redirectFilesTo(undefined);
    }
    expect(cdn.requests.length).toBeGreaterThan(before);
    expectOnlyEndpointSawToken("redirected");
    // The endpoint did get it (so the check above is not vacuous).
    expect(hub.requests.some((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it("a MODEL URL on another host is refused before any request, token or not", async () => {
    const before = { hub: hub.requests.length, cdn: cdn.requests.length };
    for (const via of VIAS) {
      const o = await run(`${cdn.url}/org/public`, via, { argv: ["--json"] });
      expect(o.code).toBe(2);
      expect(o.stderr).toMatch(/not on the Hub endpoint/);
      expectNoToken(o, `foreign URL via ${via}`);
    }
    expect(cdn.requests.length).toBe(before.cdn);
    expect(hub.requests.length).toBe(before.hub);
  });
});
