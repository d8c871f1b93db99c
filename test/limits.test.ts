// Every bound the tool sets on what it reads, one test each: config.json size, safetensors header size and
// offsets, GGUF counts / names / shapes, file names that would leave the snapshot folder, model ids.
import { mkdirSync, openSync, closeSync, writeFileSync, ftruncateSync, writeSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { parseConfigJson } from "../src/core/config/parse-json.js";
import { estimate } from "../src/core/estimate-all.js";
import { EstimateError, InvalidConfigError } from "../src/core/errors.js";
import { MAX_INDEXED_LAYERS } from "../src/core/modules/module.js";
import { isSafeRepoPath, isValidRepoId, parseHubReference } from "../src/hub/model-ref.js";
import { MAX_CONFIG_BYTES } from "../src/hub/resolved-model.js";
import { readConfigFile } from "../src/hub-node/local-model.js";
import { MAX_SAFETENSORS_HEADER, tensorsFromHeader } from "../src/hub/weights/safetensors.js";
import { readLocalSafetensors, readLocalSafetensorsIndex } from "../src/hub-node/weights/local-safetensors.js";
import { MAX_GGUF_KV, MAX_GGUF_NAME, MAX_GGUF_TENSORS, tensorsFromGguf } from "../src/hub/weights/gguf.js";
import { readLocalGguf } from "../src/hub-node/weights/local-gguf.js";
import { startHubStandIn, type HubStandIn } from "./helpers/hub-stand-in.js";
import { makeGguf, makeSafetensors } from "./helpers/weights.js";
import { tempDir } from "./helpers/temp-dir.js";

const dir = () => tempDir("estimate-memory-limits-");
const BERT = { model_type: "bert", hidden_size: 64, num_attention_heads: 4, num_hidden_layers: 2, intermediate_size: 128, vocab_size: 100 };

async function run(argv: string[], env: Record<string, string | undefined> = {}) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: { HF_HUB_OFFLINE: "1", HF_HOME: dir(), ...env },
  });
  return { code, stdout, stderr };
}

/** A file of `size` bytes (sparse: nothing is written past `head`). */
function sparseFile(path: string, head: Uint8Array, size: number): void {
  const fd = openSync(path, "w");
  try {
    writeSync(fd, head);
    ftruncateSync(fd, size);
  } finally {
    closeSync(fd);
  }
}

describe("config.json: at most 10 MB", () => {
  it("a 10 MB config is read; one byte more is refused before it is parsed", async () => {
    expect(MAX_CONFIG_BYTES).toBe(10 * 1024 * 1024);
    const d = dir();
    const text = JSON.stringify(BERT);
    const fits = join(d, "fits.json");
    writeFileSync(fits, text + " ".repeat(MAX_CONFIG_BYTES - text.length));
    expect(readConfigFile(fits)).toEqual(BERT);
    const over = join(d, "config.json");
    writeFileSync(over, text + " ".repeat(MAX_CONFIG_BYTES - text.length + 1));
    expect(() => readConfigFile(over)).toThrow(/10485761 bytes: larger than the 10 MB a config may be/);
    const cli = await run([over]);
    expect(cli.code).toBe(1);
    expect(cli.stderr.trim().split("\n")).toHaveLength(1);
    expect(cli.stderr).toMatch(/larger than the 10 MB a config may be/);
  });

  it("nesting deeper than 512 levels is refused (JSON.parse would accept it, then a recursive walk would overflow)", () => {
    const deepText = (n: number) => `{"model_type":"bert","x":${"[".repeat(n)}1${"]".repeat(n)}}`;
    expect(() => parseConfigJson(deepText(511))).not.toThrow();
    expect(() => parseConfigJson(deepText(100_000))).toThrow(/nesting deeper than 512 levels/);
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(() => estimate({ ...BERT, hidden_size: deep })).toThrow(InvalidConfigError);
  });

  it("layer lists built index by index stop at 100,000 layers with a typed error; uniform stacks have no bound", () => {
    expect(MAX_INDEXED_LAYERS).toBe(100_000);
    // Uniform: arithmetic, whatever the count (until the bytes pass 2^53).
    expect(estimate({ ...BERT, num_hidden_layers: 1_000_000 }).parameters).toBeGreaterThan(0);
    // Kinds per index (dense then MoE): bounded.
    const deepseek = { model_type: "deepseek_v3", num_hidden_layers: 1e15 };
    expect(() => estimate(deepseek)).toThrow(/more than the 100000 this estimator visits one by one/);
  });

  it("a config.json the Hub says is over 10 MB is never downloaded", async () => {
    const big = JSON.stringify(BERT) + " ".repeat(MAX_CONFIG_BYTES);
    const hub = await startHubStandIn([{ id: "org/huge-config", files: { "config.json": big } }]);
    try {
      const r = await run(["org/huge-config"], { HF_HUB_OFFLINE: undefined, HF_ENDPOINT: hub.url });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/config\.json is 10485\d+ bytes: larger than the 10 MB a config may be/);
      // Only HEAD / ranged probes: no request asked for the whole body.
      expect(hub.requests.filter((q) => q.url.includes("config.json") && q.method === "GET" && q.range === undefined)).toEqual([]);
    } finally {
      await hub.close();
    }
  });
});

describe("safetensors: header at most 100 MB, offsets valid", () => {
  const entry = (dtype: string, shape: number[], offsets: [number, number]) => ({ dtype, shape, data_offsets: offsets });

  it("a header length over 100 MB is refused without reading it", () => {
    expect(MAX_SAFETENSORS_HEADER).toBe(100 * 1024 * 1024);
    const d = dir();
    const head = new Uint8Array(8);
    new DataView(head.buffer).setBigUint64(0, BigInt(MAX_SAFETENSORS_HEADER + 1), true);
    const path = join(d, "big.safetensors");
    sparseFile(path, head, MAX_SAFETENSORS_HEADER + 64);
    expect(() => readLocalSafetensors(path)).toThrow(/over the format's 100 MB limit/);
    new DataView(head.buffer).setBigUint64(0, 2n ** 64n - 1n, true);
    writeFileSync(path, head);
    expect(() => readLocalSafetensors(path)).toThrow(/over the format's 100 MB limit/);
  });

  it("a header longer than the file, or empty, is refused", () => {
    const d = dir();
    const file = makeSafetensors({ w: { dtype: "F32", shape: [2, 2] } });
    const path = join(d, "cut.safetensors");
    writeFileSync(path, file.subarray(0, 20));
    expect(() => readLocalSafetensors(path)).toThrow(/does not fit the file/);
    writeFileSync(path, file.subarray(0, 5));
    expect(() => readLocalSafetensors(path)).toThrow(/too short to be a safetensors file/);
  });

  it("offsets: past the end, reversed, negative, overlapping, with a hole, or not matching shape × dtype", () => {
    const bad: Record<string, [Record<string, unknown>, RegExp]> = {
      pastEnd: [{ w: entry("F32", [4], [0, 16]) }, /points past the end of the file/],
      reversed: [{ w: entry("F32", [0], [8, 4]) }, /invalid header entry/],
      negative: [{ w: entry("F32", [1], [-4, 0]) }, /invalid header entry/],
      fraction: [{ w: entry("F32", [1], [0, 4.5]) }, /invalid header entry/],
      overlap: [{ a: entry("F32", [2], [0, 8]), b: entry("F32", [2], [4, 12]) }, /overlap or leave a hole/],
      hole: [{ a: entry("F32", [1], [0, 4]), b: entry("F32", [1], [8, 12]) }, /overlap or leave a hole/],
      notFromZero: [{ a: entry("F32", [1], [4, 8]) }, /overlap or leave a hole/],
      sizeMismatch: [{ a: entry("F32", [1000, 1000], [0, 4]) }, /has 4 bytes for its shape and dtype/],
      hugeShape: [{ a: entry("U8", [2 ** 52, 4], [0, 4]) }, /bytes for its shape and dtype/],
      unsafeDim: [{ a: entry("U8", [2 ** 53, 2], [0, 4]) }, /invalid header entry/],
    };
    for (const [name, [header, message]] of Object.entries(bad)) {
      expect(() => tensorsFromHeader(header, "x.safetensors", 12), name).toThrow(message);
    }
    // Tiled from 0, sizes matching: fine (an unknown dtype is taken as stored).
    const ok = tensorsFromHeader({ __metadata__: {}, a: entry("F16", [2], [0, 4]), b: entry("F4", [16], [4, 12]) }, "x.safetensors", 12);
    expect(ok.map((t) => t.bytes)).toEqual([4, 8]);
  });
});

describe("GGUF: tensor and key/value counts, names, shapes bounded", () => {
  const tiny = () => makeGguf({ "general.architecture": "llama" }, [{ name: "a.weight", shape: [4, 4], type: 0 }]);
  const withU64 = (bytes: Uint8Array, offset: number, value: bigint) => {
    const copy = bytes.slice();
    new DataView(copy.buffer).setBigUint64(offset, value, true);
    return copy;
  };

  it("tensor counts over 1,000,000 and key/value counts over 100,000 are refused before the header is walked", async () => {
    expect([MAX_GGUF_TENSORS, MAX_GGUF_KV]).toEqual([1_000_000, 100_000]);
    const d = dir();
    const path = join(d, "m.gguf");
    writeFileSync(path, withU64(tiny(), 8, BigInt(MAX_GGUF_TENSORS + 1)));
    await expect(readLocalGguf(path)).rejects.toThrow(/declares 1000001 tensors \(over 1000000\)/);
    writeFileSync(path, withU64(tiny(), 16, BigInt(MAX_GGUF_KV + 1)));
    await expect(readLocalGguf(path)).rejects.toThrow(/declares 100001 key\/values \(over 100000\)/);
  });

  it("counts the file is too small to hold are refused at once (the library would read zeros past the end for seconds)", async () => {
    const d = dir();
    const path = join(d, "m.gguf");
    writeFileSync(path, withU64(tiny(), 8, 500_000n));
    const started = performance.now();
    await expect(readLocalGguf(path)).rejects.toThrow(/more than its \d+ bytes can hold/);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("a string longer than the library's 1e7 bytes, a bad magic or a cut file: an InvalidConfigError, not the library's Error", async () => {
    const d = dir();
    const path = join(d, "m.gguf");
    // The first key's length (u64 at byte 24).
    writeFileSync(path, withU64(tiny(), 24, 10_000_001n));
    await expect(readLocalGguf(path)).rejects.toThrow(InvalidConfigError);
    await expect(readLocalGguf(path)).rejects.toThrow(/exceeds maximum allowed/);
    writeFileSync(path, new TextEncoder().encode("GGUX-not-a-gguf-file-at-all-----"));
    await expect(readLocalGguf(path)).rejects.toThrow(/is not a readable GGUF file/);
    writeFileSync(path, tiny().subarray(0, 40));
    await expect(readLocalGguf(path)).rejects.toThrow(/ends past the end of the file/);
  });

  it("tensor infos: a name over 4096 characters, more than 1,000,000 tensors, a shape past 2^53 elements", () => {
    expect(MAX_GGUF_NAME).toBe(4096);
    expect(() => tensorsFromGguf([{ name: "x".repeat(4097), shape: [1n], dtype: 0 }])).toThrow(/name is over 4096 characters/);
    const many = { length: MAX_GGUF_TENSORS + 1 } as unknown as Parameters<typeof tensorsFromGguf>[0];
    expect(() => tensorsFromGguf(many)).toThrow(/1000001 tensors/);
    expect(() => tensorsFromGguf([{ name: "w", shape: [2n ** 32n, 2n ** 32n], dtype: 0 }])).toThrow(/impossible shape/);
    expect(tensorsFromGguf([{ name: "w", shape: [4n, 8n], dtype: 0 }])[0]).toMatchObject({ shape: [4, 8], bytes: 128 });
  });
});

describe("file names from a repo never leave the snapshot folder", () => {
  const escaping = ["../model.safetensors", "../../etc/passwd", "/etc/passwd", "sub/../../x.safetensors", "%2e%2e/x.safetensors", "%252e%252e/x", "a\\..\\b", "C:/x", "./x", "a//b", "x\u0000y", ""];

  it("the rule", () => {
    for (const name of escaping) expect(isSafeRepoPath(name), JSON.stringify(name)).toBe(false);
    for (const name of ["model.safetensors", "model-00001-of-00002.safetensors", "sub/dir/model-Q4_K_M.gguf", "a..b.gguf"]) expect(isSafeRepoPath(name), name).toBe(true);
  });

  it("a local index whose weight_map names a file outside its folder is refused, before any shard is opened", () => {
    const d = dir();
    mkdirSync(join(d, "snap"));
    writeFileSync(join(d, "outside.safetensors"), makeSafetensors({ w: { dtype: "F32", shape: [2] } }));
    for (const name of escaping.filter((n) => n !== "")) {
      const index = join(d, "snap", "model.safetensors.index.json");
      writeFileSync(index, JSON.stringify({ weight_map: { w: name.replace("x.safetensors", "outside.safetensors") } }));
      expect(() => readLocalSafetensorsIndex(index), name).toThrow(/weight_map names a file outside its folder/);
    }
    const inside = join(d, "snap", "model.safetensors.index.json");
    mkdirSync(join(d, "snap", "sub"));
    writeFileSync(join(d, "snap", "sub", "s.safetensors"), makeSafetensors({ w: { dtype: "F32", shape: [2] } }));
    writeFileSync(inside, JSON.stringify({ weight_map: { w: "sub/s.safetensors" } }));
    expect(readLocalSafetensorsIndex(inside)).toHaveLength(1);
  });

  describe("on the Hub", () => {
    let hub: HubStandIn;
    const gguf = makeGguf({ "general.architecture": "llama" }, [{ name: "a.weight", shape: [4, 4], type: 0 }]);
    beforeAll(async () => {
      hub = await startHubStandIn([
        { id: "org/gguf-repo", files: { "model-Q4_0.gguf": gguf, "../evil-Q4_0.gguf": gguf, "sub/%2e%2e/x.gguf": gguf } },
      ]);
    });
    afterAll(() => hub.close());

    it("GGUF names from the listing that would leave the repo are never requested; --gguf-file and URLs likewise", async () => {
      const env = { HF_HUB_OFFLINE: undefined, HF_ENDPOINT: hub.url };
      const listed = await run(["org/gguf-repo", "--json"], env);
      expect(listed.code).toBe(0);
      expect(listed.stdout.trim().split("\n")).toHaveLength(1);
      expect(hub.requests.some((r) => /evil|%2e%2e|\.\./i.test(r.url))).toBe(false);
      const flag = await run(["org/gguf-repo", "--gguf-file", "../evil-Q4_0.gguf"], env);
      expect(flag.code).toBe(2);
      expect(flag.stderr).toMatch(/names a file outside the repo/);
      const url = await run([`${hub.url}/org/gguf-repo/blob/main/..%2Fevil-Q4_0.gguf`], env);
      expect(url.code).toBe(2);
      expect(url.stderr).toMatch(/names a file outside the repo/);
      expect(hub.requests.some((r) => /evil|%2e%2e|\.\./i.test(r.url))).toBe(false);
    });
  });
});

describe("model ids: validated as huggingface_hub's validate_repo_id does", () => {
  it("accepts the Hub's ids and refuses the rest before any request", async () => {
    const valid = ["gpt2", "bert-base-cased", "org/name", "a.b-c_d/x.y", "timm/resnet50.a1_in1k", `org/${"x".repeat(96)}`];
    const invalid = ["", "a/b/c", "a--b", "org/na..me", "-org/name", "org-/name", ".x", "x.", "org/name.git", `org/${"x".repeat(97)}`, "org/na me", "org/naïve", "org/name!", "org\\name", "/org"];
    for (const id of valid) expect(isValidRepoId(id), id).toBe(true);
    for (const id of invalid) expect(isValidRepoId(id), id).toBe(false);
    for (const id of invalid.filter((i) => i !== "" && !i.startsWith("/") && !i.includes("\\"))) {
      expect(() => parseHubReference(id, "https://huggingface.co"), id).toThrow(/not a valid model id/);
    }
    const r = await run(["org/name.git"], { HF_HUB_OFFLINE: undefined, HF_ENDPOINT: "http://127.0.0.1:9" });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a valid model id/);
  });

  it("URLs: only on the endpoint's host, with a valid id and a %-encoding that decodes", () => {
    const e = "https://huggingface.co";
    expect(() => parseHubReference("https://evil.example/org/name", e)).toThrow(/not on the Hub endpoint/);
    expect(() => parseHubReference("https://huggingface.co.evil.example/org/name", e)).toThrow(/not on the Hub endpoint/);
    expect(() => parseHubReference("https://huggingface.co/%E0%A4%A", e)).toThrow(/bad %-escape/);
    expect(() => parseHubReference("https://huggingface.co/org/na..me", e)).toThrow(/does not name a valid model id/);
  });
});
