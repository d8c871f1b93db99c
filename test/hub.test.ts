// The Hub client against a stand-in on 127.0.0.1: every MODEL form, tokens, gated/private/missing repos, the
// huggingface_hub cache layout, offline use, retries and token hygiene.
import { readFileSync, readlinkSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { parseHubReference, isValidRepoId } from "../src/hub/model-ref.js";
import { createHubFetch } from "../src/hub/hub-fetch.js";
import { startHubStandIn, type HubStandIn } from "./helpers/hub-stand-in.js";
import { loadReference } from "./helpers/reference.js";
import { tempDir } from "./helpers/temp-dir.js";

const hubRecords = loadReference("hub-configs.jsonl");
const ref = (id: string) => {
  const r = hubRecords.find((x) => x.id === id);
  if (!r) throw new Error(id);
  return r;
};
const TOKEN = "hf_standInSecretToken123";
const configOf = (id: string) => JSON.stringify(ref(id).config);

let hub: HubStandIn;
let cdn: HubStandIn;

beforeAll(async () => {
  cdn = await startHubStandIn([{ id: "org/cdn-model", files: { "config.json": configOf("openai-community/gpt2") } }]);
  hub = await startHubStandIn(
    [
      { id: "org/gpt2-copy", files: { "config.json": configOf("openai-community/gpt2"), "README.md": "# hi" } },
      { id: "gpt2", files: { "config.json": configOf("openai-community/gpt2") } },
      { id: "meta-llama/Llama-3.1-8B", gated: true, files: { "config.json": configOf("meta-llama/Llama-3.1-8B") } },
      { id: "org/private-bert", private: true, files: { "config.json": configOf("google-bert/bert-base-cased") } },
      { id: "org/empty", files: { "README.md": "nothing" } },
      { id: "timm/resnet50.ra_in1k", libraryName: "timm", files: { "config.json": configOf("timm/resnet50.ra_in1k") } },
      { id: "org/cdn-model", files: { "config.json": configOf("openai-community/gpt2") } },
      // The report already there, on the second page of the discussions (the Hub lists 50 a page).
      {
        id: "org/reported",
        discussions: [...Array.from({ length: 60 }, (_, i) => `question ${i + 1}`), "[AUTOMATED] Model Memory Requirements"],
        files: { "config.json": configOf("openai-community/gpt2") },
      },
    ],
    [TOKEN],
  );
});

afterAll(async () => {
  await hub.close();
  await cdn.close();
});

function freshHome(): string {
  return tempDir("estimate-memory-hf-");
}

/** The retry backoff's waits, recorded instead of slept. */
let waits: number[] = [];
const sleep = async (ms: number) => void waits.push(ms);

async function run(argv: string[], env: Record<string, string | undefined>) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env, sleep });
  return { code, stdout, stderr };
}

const gpt2 = ref("openai-community/gpt2").expected;
const jsonOf = (stdout: string) => JSON.parse(stdout.trim().split("\n")[0] as string);

describe("model references", () => {
  it("parses ids and Hub URLs", () => {
    const e = "https://huggingface.co";
    expect(parseHubReference("org/name", e)).toEqual({ repo: "org/name" });
    expect(parseHubReference("gpt2", e)).toEqual({ repo: "gpt2" });
    expect(parseHubReference("https://huggingface.co/org/name", e)).toEqual({ repo: "org/name" });
    expect(parseHubReference("https://huggingface.co/org/name/tree/v1.0", e)).toEqual({ repo: "org/name", revision: "v1.0" });
    expect(parseHubReference("https://huggingface.co/org/name/blob/main/sub/model.gguf", e)).toEqual({
      repo: "org/name",
      revision: "main",
      path: "sub/model.gguf",
    });
    expect(parseHubReference("https://huggingface.co/gpt2/tree/main", e)).toEqual({ repo: "gpt2", revision: "main" });
  });

  it("refuses ids the Hub would refuse and URLs on another host", () => {
    for (const bad of ["a--b/c", "org/na..me", "-org/name", "org/name/extra", "x".repeat(97), "org/name!"]) expect(isValidRepoId(bad), bad).toBe(false);
    expect(() => parseHubReference("https://evil.example/org/name", "https://huggingface.co")).toThrow(/not on the Hub endpoint/);
  });
});

describe("against the stand-in", () => {
  it("reads org/name, name and URLs, caching config.json in huggingface_hub's layout", async () => {
    const home = freshHome();
    const env = { HF_ENDPOINT: hub.url, HF_HOME: home };
    for (const model of ["org/gpt2-copy", "gpt2", `${hub.url}/org/gpt2-copy`, `${hub.url}/org/gpt2-copy/tree/main`]) {
      const { code, stdout, stderr } = await run([model, "--json"], env);
      expect(stderr, model).toBe("");
      expect(code, model).toBe(0);
      expect(jsonOf(stdout)).toMatchObject({ model, parameters: gpt2.param_count, totalBytes: gpt2.total_size_bytes });
    }
    const folder = join(home, "hub", "models--org--gpt2-copy");
    const commit = readFileSync(join(folder, "refs", "main"), "utf8");
    expect(commit).toMatch(/^[0-9a-f]{40}$/);
    const link = readlinkSync(join(folder, "snapshots", commit, "config.json"));
    expect(link).toMatch(/^\.\.\/\.\.\/blobs\/[0-9a-f]{40}$/);
    expect(readFileSync(join(folder, "snapshots", commit, "config.json"), "utf8")).toBe(configOf("openai-community/gpt2"));
  });

  it("the table mode prints accelerate's loading line and rows; a repo the Hub lacks is an error", async () => {
    const missing = await run(["openai-community/gpt2"], { HF_ENDPOINT: hub.url, HF_HOME: freshHome() });
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe("");
    const ok = await run(["gpt2"], { HF_ENDPOINT: hub.url, HF_HOME: freshHome() });
    expect(ok.stdout.startsWith("Loading pretrained config for `gpt2` from `transformers`...\n")).toBe(true);
    // Same rows as the reference table (the title, and so the width, differ with the id).
    const rowsOf = (table: string) => table.split("\n").filter((l) => /^│ *(float|int)/.test(l)).map((l) => l.split("│").map((c) => c.trim()));
    expect(rowsOf(ok.stdout)).toEqual(rowsOf(gpt2.table));
  });

  it("gated: a clear line without a token, the estimate with one (HF_TOKEN, --access_token or the token file)", async () => {
    const home = freshHome();
    const denied = await run(["meta-llama/Llama-3.1-8B"], { HF_ENDPOINT: hub.url, HF_HOME: home });
    expect(denied.code).toBe(1);
    expect(denied.stderr.trim()).toBe("error: meta-llama/Llama-3.1-8B is gated: request access on the Hub and pass a token with HF_TOKEN or --access_token");
    const llama = ref("meta-llama/Llama-3.1-8B").expected;
    const viaEnv = await run(["meta-llama/Llama-3.1-8B", "--json"], { HF_ENDPOINT: hub.url, HF_HOME: home, HF_TOKEN: TOKEN });
    expect(jsonOf(viaEnv.stdout).totalBytes).toBe(llama.total_size_bytes);
    const viaFlag = await run(["meta-llama/Llama-3.1-8B", "--json", "--access_token", TOKEN], { HF_ENDPOINT: hub.url, HF_HOME: freshHome() });
    expect(jsonOf(viaFlag.stdout).parameters).toBe(llama.param_count);
    const fileHome = freshHome();
    writeFileSync(join(fileHome, "token"), `${TOKEN}\n`);
    const viaFile = await run(["meta-llama/Llama-3.1-8B", "--json"], { HF_ENDPOINT: hub.url, HF_HOME: fileHome });
    expect(jsonOf(viaFile.stdout).parameters).toBe(llama.param_count);
    for (const out of [denied, viaEnv, viaFlag, viaFile]) expect(out.stdout + out.stderr).not.toContain(TOKEN);
  });

  it("private and missing repos: 'not found (private? pass a token)'; with the token, the private one works", async () => {
    const env = { HF_ENDPOINT: hub.url, HF_HOME: freshHome() };
    for (const model of ["org/private-bert", "org/does-not-exist"]) {
      const { code, stderr } = await run([model], env);
      expect(code).toBe(1);
      expect(stderr.trim()).toBe(`error: ${model} not found on the Hub (private? pass a token)`);
    }
    const withToken = await run(["org/private-bert", "--json"], { ...env, HF_TOKEN: TOKEN });
    expect(jsonOf(withToken.stdout).totalBytes).toBe(ref("google-bert/bert-base-cased").expected.total_size_bytes);
  });

  it("a repo with no config", async () => {
    const { code, stderr } = await run(["org/empty"], { HF_ENDPOINT: hub.url, HF_HOME: freshHome() });
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(/^error: org\/empty has no config\.json/);
  });

  it("--revision: a commit reads that snapshot and caches it under snapshots/COMMIT", async () => {
    const home = freshHome();
    const first = await run(["org/gpt2-copy", "--json"], { HF_ENDPOINT: hub.url, HF_HOME: home });
    expect(first.code).toBe(0);
    const commit = readFileSync(join(home, "hub", "models--org--gpt2-copy", "refs", "main"), "utf8");
    const pinned = await run(["org/gpt2-copy", "--revision", commit, "--json"], { HF_ENDPOINT: hub.url, HF_HOME: freshHome() });
    expect(pinned.code).toBe(0);
    expect(jsonOf(pinned.stdout).parameters).toBe(gpt2.param_count);
  });

  it("an unknown revision", async () => {
    const { code, stderr } = await run(["org/gpt2-copy", "--revision", "v9"], { HF_ENDPOINT: hub.url, HF_HOME: freshHome() });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe("error: revision v9 not found in org/gpt2-copy");
  });

  it("timm is detected from the Hub's library_name and the repo id", async () => {
    const { code, stdout } = await run(["timm/resnet50.ra_in1k"], { HF_ENDPOINT: hub.url, HF_HOME: freshHome() });
    expect(code).toBe(0);
    expect(stdout).toBe(`Loading pretrained config for \`timm/resnet50.ra_in1k\` from \`timm\`...\n${ref("timm/resnet50.ra_in1k").expected.table}\n`);
  });

  it("reuses the cache with the Hub stopped and HF_HUB_OFFLINE=1, without a request", async () => {
    const home = freshHome();
    const first = await run(["org/gpt2-copy", "--json"], { HF_ENDPOINT: hub.url, HF_HOME: home });
    expect(first.code).toBe(0);
    const gone = await startHubStandIn([]);
    await gone.close();
    const before = hub.requests.length;
    const offline = await run(["org/gpt2-copy", "--json"], { HF_ENDPOINT: gone.url, HF_HOME: home, HF_HUB_OFFLINE: "1" });
    expect(offline.code).toBe(0);
    expect(offline.stderr).toBe("");
    expect(jsonOf(offline.stdout).totalBytes).toBe(gpt2.total_size_bytes);
    expect(hub.requests.length).toBe(before);
    // Unreachable but not offline: the cache still answers, with a note.
    const unreachable = await run(["org/gpt2-copy", "--json"], { HF_ENDPOINT: gone.url, HF_HOME: home });
    expect(unreachable.code).toBe(0);
    expect(unreachable.stderr).toMatch(/cannot be reached; using the cached config/);
  });

  it("a Python-made cache (HF_HUB_CACHE) is read offline", async () => {
    const cache = freshHome();
    const commit = "a".repeat(40);
    const folder = join(cache, "models--org--python-cached");
    mkdirSync(join(folder, "refs"), { recursive: true });
    mkdirSync(join(folder, "snapshots", commit), { recursive: true });
    writeFileSync(join(folder, "refs", "main"), commit);
    writeFileSync(join(folder, "snapshots", commit, "config.json"), configOf("openai-community/gpt2"));
    const { code, stdout } = await run(["org/python-cached", "--json"], { HF_HUB_CACHE: cache, HF_HUB_OFFLINE: "1" });
    expect(code).toBe(0);
    expect(jsonOf(stdout).parameters).toBe(gpt2.param_count);
  });

  it("offline with nothing cached, and the catalog fallback when the Hub is unreachable", async () => {
    const gone = await startHubStandIn([]);
    await gone.close();
    const nothing = await run(["org/never-seen"], { HF_ENDPOINT: gone.url, HF_HOME: freshHome(), HF_HUB_OFFLINE: "1" });
    expect(nothing.code).toBe(1);
    expect(nothing.stderr.trim()).toMatch(/^error: org\/never-seen is not in the cache .* and HF_HUB_OFFLINE is set$/);
    const unreachable = await run(["org/never-seen"], { HF_ENDPOINT: gone.url, HF_HOME: freshHome() });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr.trim()).toMatch(new RegExp(`cannot reach the Hub at ${gone.url.replace(/[.:/]/g, "\\$&")} .*HF_HUB_OFFLINE=1`));
    const shipped = await run(["bert-base-cased"], { HF_ENDPOINT: gone.url, HF_HOME: freshHome() });
    expect(shipped.code).toBe(0);
    expect(shipped.stderr.trim().split("\n")).toHaveLength(1);
    expect(shipped.stderr).toMatch(/using the config shipped with estimate-memory/);
  });

  it("retries 503 and 429 with backoff, then gives a clear line", async () => {
    const env = { HF_ENDPOINT: hub.url, HF_HOME: freshHome() };
    // Exponential backoff from 500 ms, 4 tries in all (the stand-in's `Retry-After: 0` asks for no particular wait).
    hub.failNext(2, 503);
    waits = [];
    const recovered = await run(["org/gpt2-copy", "--json"], env);
    expect(recovered.code).toBe(0);
    expect(waits).toEqual([500, 1000]);
    hub.failNext(20, 429);
    waits = [];
    const busy = await run(["gpt2", "--json"], { ...env, HF_HOME: freshHome() });
    hub.failNext(0, 503);
    expect(busy.code).toBe(1);
    expect(busy.stderr.trim()).toBe("error: the Hub answered HTTP 429 for gpt2 after several tries; try again later");
    expect(waits).toEqual([500, 1000, 2000]);
  });

  it("waits as Retry-After says (in seconds), at most 5 s, and gives up after 4 tries", async () => {
    const answers = [["2"], ["30"], [null], [null]].map(([after]) => new Response("busy", { status: 429, headers: after ? { "retry-after": after } : {} }));
    const recorded: number[] = [];
    const hubFetch = createHubFetch({
      endpoint: "https://hub.example",
      fetch: async () => answers.shift() ?? new Response("{}"),
      sleep: async (ms) => void recorded.push(ms),
    });
    const response = await hubFetch("https://hub.example/api/models/x");
    expect(response.status).toBe(429);
    expect(hubFetch.requests).toBe(4);
    // 2 s as asked; 30 s capped at 5 s; after try 3 the exponential step 500 × 2² = 2000 ms; try 4 is the last.
    expect(recorded).toEqual([2000, 5000, 2000]);
  });

  it("sends the token only to the endpoint: a redirect to another host drops it", async () => {
    hub.redirectFilesTo(cdn.url);
    try {
      const { code, stdout } = await run(["org/cdn-model", "--json"], { HF_ENDPOINT: hub.url, HF_HOME: freshHome(), HF_TOKEN: TOKEN });
      expect(code).toBe(0);
      expect(jsonOf(stdout).parameters).toBe(gpt2.param_count);
    } finally {
      hub.redirectFilesTo(undefined);
    }
    expect(cdn.requests.length).toBeGreaterThan(0);
    expect(cdn.requests.every((r) => r.authorization === undefined)).toBe(true);
    expect(hub.requests.some((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it("refuses a URL to another host without a request", async () => {
    const before = hub.requests.length;
    const { code, stderr } = await run(["https://evil.example/org/name"], { HF_ENDPOINT: hub.url, HF_TOKEN: TOKEN, HF_HOME: freshHome() });
    expect(code).toBe(2);
    expect(stderr).toMatch(/not on the Hub endpoint/);
    expect(stderr).not.toContain(TOKEN);
    expect(hub.requests.length).toBe(before);
  });
});

describe("--report: the page's discussion report from the command line", () => {
  it("posts accelerate's table once, finds a report on any page, and refuses without a token", async () => {
    const before = hub.requests.length;
    const none = await run(["org/gpt2-copy", "--report"], { HF_ENDPOINT: hub.url, HF_HOME: freshHome() });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^error: --report .* needs a token/);
    expect(hub.requests.length).toBe(before);

    const first = await run(["org/gpt2-copy", "--report", "--access_token", TOKEN], { HF_ENDPOINT: hub.url, HF_HOME: freshHome() });
    expect(first.code).toBe(0);
    expect(first.stderr).toContain("report: posted to org/gpt2-copy's discussions");
    expect(first.stderr).not.toContain(TOKEN);
    const posted = hub.discussions.get("org/gpt2-copy") ?? [];
    expect(posted.map((d) => d.title)).toEqual(["[AUTOMATED] Model Memory Requirements"]);
    // The reference table's rows, in the markdown the page posts too.
    for (const [dtype, largest, total, training] of gpt2.formatted_rows) expect(posted[0]?.description).toContain(`| ${dtype} | ${largest} | ${total} | ${training} |`);

    const again = await run(["org/gpt2-copy", "--report", "--access_token", TOKEN], { HF_ENDPOINT: hub.url, HF_HOME: freshHome() });
    expect(again.code).toBe(0);
    expect(again.stderr).toContain("report: org/gpt2-copy's discussions already have it");
    expect(hub.discussions.get("org/gpt2-copy")).toHaveLength(1);

    const paged = await run(["org/reported", "--report", "--access_token", TOKEN], { HF_ENDPOINT: hub.url, HF_HOME: freshHome() });
    expect(paged.stderr).toContain("already have it");
    expect(hub.requests.some((r) => r.url === "/api/models/org/reported/discussions?p=1")).toBe(true);
    expect(hub.discussions.get("org/reported")).toHaveLength(61);
  });
});
