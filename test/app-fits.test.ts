// "What can I run?" (src/app/fits.ts): the engine the page's view and `estimate-memory fits` share, over the
// shipped catalog read from disk here.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { modelsThatFit, parseMemorySize, type FitsEntry } from "../src/app/fits.js";
import { estimateLoaded } from "../src/app/estimate.js";
import { parseConfigJson } from "../src/core/config/parse-json.js";
import type { CatalogIndex } from "../src/hub/catalog-index.js";

const root = new URL("../catalog/", import.meta.url);
const index = JSON.parse(readFileSync(new URL("index.json", root), "utf8")) as CatalogIndex;
const entry = (id: string): FitsEntry => {
  const e = index.models[id]!;
  return { id, library: e.library, config: parseConfigJson(readFileSync(new URL(`configs/${e.file}`, root), "utf8"), e.file) };
};
const GIB = 1024 ** 3;
// Hand-sized: bf16 weights are 2 bytes a parameter. Llama-3.1-8B has 8,030,261,248 with its head (16.06e9 B =
// 14.96 GiB); Llama-3.1-70B 70,553,706,496 (141.1e9 B = 131.4 GiB); gpt2 124,439,808 (+ tied head: 0.23 GiB).
const ids = ["meta-llama/Llama-3.1-8B", "meta-llama/Llama-3.1-70B", "openai-community/gpt2", "meta-llama/Llama-3.2-1B"];

describe("modelsThatFit", () => {
  it("on an 80 GB H100 for inference: the 8B and smaller fit, the 70B (131 GiB of weights) does not; largest first", async () => {
    const answer = await modelsThatFit(ids.map(entry), { inference: true, seqLen: 4096, gpu: "H100 80GB" });
    // gpt2 would fit, but it has 1024 positions: a 4096-token question is not one it answers (left out, counted).
    expect(answer.fits.map((r) => r.id)).toEqual(["meta-llama/Llama-3.1-8B", "meta-llama/Llama-3.2-1B"]);
    expect(answer.tooBig).toBe(1);
    expect(answer.tooShort).toBe(1);
    expect(answer.fits.every((r) => r.maxBatchSize >= 1 && r.maxSeqLen >= 1)).toBe(true);
    // The 8B's 4096 tokens fit, so its maximum is at least that.
    expect(answer.fits[0]?.maxSeqLen).toBeGreaterThanOrEqual(4096);
    expect(answer.fits[0]?.family).toBe("llama");
  });

  it("a typed size: 14 GiB is under the 8B's 14.96 GiB of bf16 weights, 75 GiB (no GPU has it: searched) is over them", async () => {
    const small = await modelsThatFit([entry("meta-llama/Llama-3.1-8B")], { inference: true }, { memoryBytes: 14 * GIB });
    expect(small.fits).toEqual([]);
    expect(small.tooBig).toBe(1);
    const big = await modelsThatFit([entry("meta-llama/Llama-3.1-8B")], { inference: true }, { memoryBytes: 75 * GIB, searchCap: 1 << 17 });
    expect(big.fits.map((r) => r.id)).toEqual(["meta-llama/Llama-3.1-8B"]);
    // The searched maxima are the edge: the Planner's total at the maximum is within the size, one more is not.
    const row = big.fits[0]!;
    const total = (over: object) => estimateLoaded(entry(row.id).config, { model: row.id, dtypes: ["float32"], plan: { inference: true, ...over } }).plan!.totalBytes;
    expect(total({ batchSize: row.maxBatchSize })).toBeLessThanOrEqual(75 * GIB);
    expect(total({ batchSize: row.maxBatchSize + 1 })).toBeGreaterThan(75 * GIB);
    expect(row.maxSeqLen).toBeLessThanOrEqual(131072); // capped by max_position_embeddings
    if (row.maxSeqLen < 131072) expect(total({ seqLen: row.maxSeqLen + 1 })).toBeGreaterThan(75 * GIB);
  });

  it("a typed size that an NVIDIA GPU has is that GPU's question (the Planner counts an NVIDIA context without one)", async () => {
    const typed = await modelsThatFit(ids.map(entry), { inference: true, seqLen: 8192 }, { memoryBytes: 24 * GIB });
    const named = await modelsThatFit(ids.map(entry), { inference: true, seqLen: 8192, gpu: "RTX 4090 24GB" });
    // The same verdicts (each row's full result names the GPU the question was asked for, so rows are compared without it).
    const rows = (a: typeof typed) => ({ ...a, fits: a.fits.map(({ result: _, ...row }) => row) });
    expect(rows(typed)).toEqual(rows(named));
    // gpt2 (n_positions 1024) searched for a size no GPU has: its context stops at its positions.
    const odd = await modelsThatFit([entry("openai-community/gpt2")], { inference: true, seqLen: 512 }, { memoryBytes: 5 * GIB, searchCap: 1 << 17 });
    expect(odd.fits[0]?.maxSeqLen).toBe(1024);
  });

  it("QLoRA training and bad requests", async () => {
    const qlora = await modelsThatFit(ids.map(entry), { train: "qlora", gpu: "T4 16GB" });
    // NF4 weights of the 70B alone are ≈ 70.6e9 × 0.5 B ≈ 33 GiB: over 16.
    expect(qlora.fits.map((r) => r.id)).not.toContain("meta-llama/Llama-3.1-70B");
    await expect(modelsThatFit([], { gpu: "T4 16GB" })).rejects.toThrow(/inference or train/);
    await expect(modelsThatFit([], { inference: true })).rejects.toThrow(/GPU or a memory size/);
  });
});

describe("parseMemorySize", () => {
  it.each([
    ["24", 24 * GIB],
    ["24GB", 24 * GIB],
    ["80 GiB", 80 * GIB],
    ["1.5 TB", 1.5 * 1024 * GIB],
    ["512 MiB", 512 * 1024 ** 2],
    ["0", undefined],
    ["lots", undefined],
    ["-8GB", undefined],
  ])("%s", (text, bytes) => expect(parseMemorySize(text)).toBe(bytes));
});
