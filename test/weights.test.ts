// Header-only estimates: safetensors (single, sharded, quantized) and GGUF, local and through the Hub stand-in.
// Every expected count is computed by hand beside the fixture.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { startHubStandIn, type HubStandIn } from "./helpers/hub-stand-in.js";
import { makeGguf, makeSafetensors, TOY_DECODER } from "./helpers/weights.js";
import { tempDir } from "./helpers/temp-dir.js";

async function run(argv: string[], env: Record<string, string | undefined> = {}) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: { HF_HUB_OFFLINE: "1", HF_HOME: tempDir("em-home-"), ...env },
  });
  return { code, stdout, stderr, json: () => stdout.trim().split("\n").map((l) => JSON.parse(l)) };
}

const dir = () => tempDir("em-weights-");

// A two-layer toy decoder, hidden 16, vocab 100:
//   embed 100×16 = 1600; per layer q,k,v,o 4×256 = 1024 + mlp 2×(16×64) = 2048 + norm 16 → 3088; ×2 = 6176;
//   final norm 16; lm_head 100×16 = 1600. Total 1600 + 6176 + 16 + 1600 = 9392 parameters.
// Largest layer: a block, 3088 × 4 = 12352 bytes (the embedding and head are 1600 × 4 = 6400).
const toy = TOY_DECODER;

describe("local safetensors", () => {
  it("counts a single file and groups decoder blocks as layers", async () => {
    const d = dir();
    writeFileSync(join(d, "model.safetensors"), makeSafetensors(toy));
    const r = await run([join(d, "model.safetensors"), "--json"]);
    expect(r.code).toBe(0);
    const [res] = r.json();
    expect(res).toMatchObject({ source: "safetensors", parameters: 9392, totalBytes: 9392 * 4, bufferBytes: 0 });
    expect(res.largestLayer).toEqual({ bytes: 12352, names: ["model.layers.0", "model.layers.1"] });
    expect(res.checkpointBytes).toBe(9392 * 2); // bf16 on disk
  });

  it("a folder with only weights, and a sharded index (names outside the folder refused)", async () => {
    const d = dir();
    const [a, b] = [Object.fromEntries(Object.entries(toy).slice(0, 8)), Object.fromEntries(Object.entries(toy).slice(8))];
    writeFileSync(join(d, "model-00001-of-00002.safetensors"), makeSafetensors(a));
    writeFileSync(join(d, "model-00002-of-00002.safetensors"), makeSafetensors(b));
    const weightMap = Object.fromEntries([...Object.keys(a).map((k) => [k, "model-00001-of-00002.safetensors"]), ...Object.keys(b).map((k) => [k, "model-00002-of-00002.safetensors"])]);
    writeFileSync(join(d, "model.safetensors.index.json"), JSON.stringify({ metadata: {}, weight_map: weightMap }));
    const folder = await run([d, "--json"]);
    expect(folder.json()[0].parameters).toBe(9392);
    const index = await run([join(d, "model.safetensors.index.json"), "--json"]);
    expect(index.json()[0].parameters).toBe(9392);
    writeFileSync(join(d, "evil.safetensors.index.json"), JSON.stringify({ weight_map: { x: "../../etc/passwd" } }));
    const evil = await run([join(d, "evil.safetensors.index.json")]);
    expect(evil.code).toBe(1);
    expect(evil.stderr).toMatch(/weight_map names a file outside its folder/);
  });

  it("undoes quantization packing: bitsandbytes nf4, GPTQ, AWQ, FP8", async () => {
    const d = dir();
    // nf4: a 64×32 Linear = 2048 weights stored as 1024 uint8 (two per byte) + absmax (2048/64 = 32) + quant map (16).
    writeFileSync(
      join(d, "bnb.safetensors"),
      makeSafetensors({
        "l.weight": { dtype: "U8", shape: [1024, 1] },
        "l.weight.absmax": { dtype: "F32", shape: [32] },
        "l.weight.quant_map": { dtype: "F32", shape: [16] },
        "l.weight.quant_state.bitsandbytes__nf4": { dtype: "U8", shape: [60] },
        "l.bias": { dtype: "F16", shape: [64] },
      }),
    );
    // GPTQ 4-bit: in 256, out 64 → qweight int32 [256/8, 64] = 2048 elements × 8 = 16384 weights;
    // qzeros [2, 8], scales [2, 64] (group 128), g_idx [256] are state.
    writeFileSync(
      join(d, "gptq.safetensors"),
      makeSafetensors({
        "l.qweight": { dtype: "I32", shape: [32, 64] },
        "l.qzeros": { dtype: "I32", shape: [2, 8] },
        "l.scales": { dtype: "F16", shape: [2, 64] },
        "l.g_idx": { dtype: "I32", shape: [256] },
      }),
    );
    // AWQ 4-bit: qweight [in 256, out 64 / 8] = 2048 × 8 = 16384 weights.
    writeFileSync(join(d, "awq.safetensors"), makeSafetensors({ "l.qweight": { dtype: "I32", shape: [256, 8] }, "l.scales": { dtype: "F16", shape: [2, 64] } }));
    // FP8: 64×64 = 4096 weights + a scalar scale.
    writeFileSync(join(d, "fp8.safetensors"), makeSafetensors({ "l.weight": { dtype: "F8_E4M3", shape: [64, 64] }, "l.weight_scale": { dtype: "F32", shape: [] } }));
    const r = await run(["bnb", "gptq", "awq", "fp8"].map((n) => join(d, `${n}.safetensors`)).concat("--json"));
    const [bnb, gptq, awq, fp8] = r.json();
    expect(bnb).toMatchObject({ parameters: 2048 + 64, quantization: { method: "bnb-4bit", bits: 4 } });
    expect(gptq).toMatchObject({ parameters: 16384, quantization: { method: "gptq", bits: 4 } });
    expect(awq.parameters).toBe(16384);
    expect(fp8).toMatchObject({ parameters: 4096, quantization: { method: "fp8" } });
    // Stored bytes include the state: nf4 1024 + 128 + 64 + 60 + 128 = 1404.
    expect(bnb.checkpointBytes).toBe(1404);
  });

  it("refuses a header over 100 MB and a truncated one", async () => {
    const d = dir();
    const huge = new Uint8Array(16);
    new DataView(huge.buffer).setBigUint64(0, BigInt(200 * 1024 * 1024), true);
    writeFileSync(join(d, "huge.safetensors"), huge);
    const file = makeSafetensors(toy);
    writeFileSync(join(d, "cut.safetensors"), file.subarray(0, 40));
    const r1 = await run([join(d, "huge.safetensors")]);
    expect(r1.code).toBe(1);
    expect(r1.stderr).toMatch(/over the format's 100 MB limit/);
    const r2 = await run([join(d, "cut.safetensors")]);
    expect(r2.code).toBe(1);
    expect(r2.stderr.trim().split("\n")).toHaveLength(1);
  });
});

// GGUF toy: token_embd 32000×64 (Q4_K: 2,048,000 weights); two blocks of attn_q 64×64 (Q8_0) + ffn 64×128 (Q4_K)
// = 4096 + 8192 = 12288 each; output_norm 64 (F32). Total 2,048,000 + 24,576 + 64 = 2,072,640.
const ggufTensors = [
  { name: "token_embd.weight", shape: [64, 32000], type: 12 },
  { name: "blk.0.attn_q.weight", shape: [64, 64], type: 8 },
  { name: "blk.0.ffn_up.weight", shape: [64, 128], type: 12 },
  { name: "blk.1.attn_q.weight", shape: [64, 64], type: 8 },
  { name: "blk.1.ffn_up.weight", shape: [64, 128], type: 12 },
  { name: "output_norm.weight", shape: [64], type: 0 },
];

describe("GGUF", () => {
  it("reads a local .gguf header: parameters and stored bytes per ggml block size", async () => {
    const d = dir();
    writeFileSync(join(d, "toy-Q4_K_M.gguf"), makeGguf({ "general.architecture": "llama" }, ggufTensors));
    const r = await run([join(d, "toy-Q4_K_M.gguf"), "--json"]);
    expect(r.code).toBe(0);
    const [res] = r.json();
    expect(res).toMatchObject({ source: "gguf", parameters: 2_072_640, modelClass: "gguf:llama" });
    // Q4_K: 144 bytes per 256 weights; Q8_0: 34 per 32; F32: 4.
    // embd 2,048,000/256×144 = 1,152,000; per block q 4096/32×34 = 4352, ffn 8192/256×144 = 4608; norm 256.
    expect(res.checkpointBytes).toBe(1_152_000 + 2 * (4352 + 4608) + 256);
    expect(res.largestLayer.names).toEqual(["token_embd"]);
  });
});

describe("through the Hub stand-in", () => {
  let hub: HubStandIn;
  beforeAll(async () => {
    hub = await startHubStandIn([
      {
        id: "org/custom-code",
        files: {
          "config.json": JSON.stringify({ model_type: "frobnicator", architectures: ["FrobForCausalLM"], auto_map: { AutoModelForCausalLM: "modeling_frob.FrobForCausalLM" } }),
          "model.safetensors": makeSafetensors(toy),
        },
      },
      {
        id: "org/sharded",
        files: {
          "config.json": JSON.stringify({ model_type: "frobnicator" }),
          "model.safetensors.index.json": JSON.stringify({
            metadata: {},
            weight_map: { ...Object.fromEntries(Object.keys(toy).slice(0, 8).map((k) => [k, "model-00001-of-00002.safetensors"])), ...Object.fromEntries(Object.keys(toy).slice(8).map((k) => [k, "model-00002-of-00002.safetensors"])) },
          }),
          "model-00001-of-00002.safetensors": makeSafetensors(Object.fromEntries(Object.entries(toy).slice(0, 8))),
          "model-00002-of-00002.safetensors": makeSafetensors(Object.fromEntries(Object.entries(toy).slice(8))),
        },
      },
      {
        id: "org/toy-GGUF",
        files: {
          "toy-Q4_K_M.gguf": makeGguf({ "general.architecture": "llama" }, ggufTensors),
          "toy-Q8_0.gguf": makeGguf({ "general.architecture": "llama" }, ggufTensors.map((t) => ({ ...t, type: 8 }))),
        },
      },
      { id: "org/nothing", files: { "README.md": "hi" } },
    ]);
  });
  afterAll(() => hub.close());
  const env = () => ({ HF_HUB_OFFLINE: undefined, HF_ENDPOINT: hub.url });

  it("a custom-code model: headers instead of code, never the weights", async () => {
    const before = hub.requests.length;
    const r = await run(["org/custom-code", "--json"], env());
    expect(r.code).toBe(0);
    expect(r.json()[0]).toMatchObject({ source: "safetensors", parameters: 9392, modelClass: "FrobForCausalLM" });
    const fileRequests = hub.requests.slice(before).filter((q) => q.url.includes("model.safetensors") && q.method === "GET");
    expect(fileRequests.length).toBeGreaterThan(0);
    expect(fileRequests.every((q) => q.range !== undefined)).toBe(true);
    const table = await run(["org/custom-code"], env());
    expect(table.stdout).toMatch(/^Reading safetensors headers of `org\/custom-code`/);
  });

  it("sharded safetensors through the index", async () => {
    const r = await run(["org/sharded", "--json"], env());
    expect(r.json()[0]).toMatchObject({ source: "safetensors", parameters: 9392 });
  });

  it("a GGUF-only repo: one result per file, or the one --gguf-file names", async () => {
    const all = await run(["org/toy-GGUF", "--json"], env());
    expect(all.code).toBe(0);
    const results = all.json();
    expect(results.map((x: { model: string }) => x.model).sort()).toEqual(["org/toy-GGUF/toy-Q4_K_M.gguf", "org/toy-GGUF/toy-Q8_0.gguf"]);
    expect(results.every((x: { parameters: number }) => x.parameters === 2_072_640)).toBe(true);
    const one = await run(["org/toy-GGUF", "--gguf-file", "toy-Q8_0.gguf", "--json"], env());
    expect(one.json()).toHaveLength(1);
    // Every tensor of the Q8_0 file is Q8_0 (34 bytes per 32 weights), the norm included: 2,072,640 / 32 × 34.
    expect(one.json()[0].checkpointBytes).toBe((2_072_640 / 32) * 34);
  });

  it("a /blob/REV/file.gguf URL reads that file", async () => {
    const r = await run([`${hub.url}/org/toy-GGUF/blob/main/toy-Q8_0.gguf`, "--json"], env());
    expect(r.code).toBe(0);
    expect(r.json()).toHaveLength(1);
    expect(r.json()[0].checkpointBytes).toBe((2_072_640 / 32) * 34);
  });

  it("a repo with neither config nor weights", async () => {
    const r = await run(["org/nothing"], env());
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe("error: org/nothing has no config.json and no safetensors or GGUF weights on the Hub");
  });
});
