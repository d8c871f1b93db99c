import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { GPU_CATALOG } from "../src/core/plan/index.js";
import { tempDir } from "./helpers/temp-dir.js";

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const env = { HF_HUB_OFFLINE: "1", HF_HOME: tempDir("estimate-memory-home-") };
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env });
  return { code, stdout, stderr };
}

describe("planner CLI", () => {
  it("--inference --json: Llama-3.1-8B bf16, seq 8192 → KV 1,073,741,824 bytes", async () => {
    const { code, stdout } = await run("meta-llama/Llama-3.1-8B", "--inference", "--seq-len", "8192", "--json");
    expect(code).toBe(0);
    const plan = JSON.parse(stdout).plan;
    expect(plan.kvCacheBytes).toBe(1_073_741_824); // 2 × 32 × 8 × 128 × 8192 × 2
    for (const k of ["weightsBytes", "kvCacheBytes", "activationBytes", "overheadBytes", "totalBytes"]) expect(typeof plan[k]).toBe("number");
    expect(plan.totalBytes).toBe(plan.weightsBytes + plan.kvCacheBytes + plan.activationBytes + plan.overheadBytes);
  });

  it("--train lora --lora-r 16 --lora-targets all-linear → 41,943,040 trainable parameters", async () => {
    const { code, stdout } = await run("meta-llama/Llama-3.1-8B", "--train", "lora", "--lora-r", "16", "--lora-targets", "all-linear", "--json");
    expect(code).toBe(0);
    const plan = JSON.parse(stdout).plan;
    expect(plan.trainableParameters).toBe(41_943_040);
    for (const k of ["weightsBytes", "gradientBytes", "optimizerBytes", "activationBytes", "totalBytes"]) expect(typeof plan[k]).toBe("number");
    // Accelerate's "Training using Adam" table describes full training only (issue 12).
    expect(plan.stages).toBeUndefined();
  });

  it("--train full (Adam) carries Accelerate's stage table; --optimizer sgd does not", async () => {
    const full = JSON.parse((await run("meta-llama/Llama-3.1-8B", "--train", "full", "--json")).stdout).plan;
    expect(full.stages).toHaveLength(2);
    const sgd = JSON.parse((await run("meta-llama/Llama-3.1-8B", "--train", "full", "--optimizer", "sgd", "--json")).stdout).plan;
    expect(sgd.stages).toBeUndefined();
  });

  it("--lora-targets q_proj,v_proj", async () => {
    const { stdout } = await run("meta-llama/Llama-3.1-8B", "--train", "lora", "--lora-targets", "q_proj,v_proj", "--json");
    // 32 × 8 × (8192 + 5120)
    expect(JSON.parse(stdout).plan.trainableParameters).toBe(3_407_872);
  });

  it("--zero 3 --gpus 8: DeepSpeed's 4·L + int(18·P/N)", async () => {
    const { stdout } = await run("meta-llama/Llama-3.1-8B", "--train", "full", "--gpus", "8", "--zero", "3", "--json");
    expect(JSON.parse(stdout).plan.modelStatesPerGpuBytes).toBe(4 * 525_336_576 + Math.trunc((18 * 8_030_261_248) / 8));
  });

  it("--gpu adds fits, gpusNeeded, maxBatchSize, maxSeqLen", async () => {
    const { stdout } = await run("meta-llama/Llama-3.1-8B", "--inference", "--gpu", "H100 80GB", "--json");
    const plan = JSON.parse(stdout).plan;
    expect(plan.fits).toBe(true);
    expect(plan.gpusNeeded).toBe(1);
    expect(plan.maxBatchSize).toBeGreaterThan(0);
    expect(plan.maxSeqLen).toBeGreaterThan(0);
  });

  it("prints the breakdown after accelerate's table", async () => {
    const { code, stdout } = await run("openai-community/gpt2", "--inference", "--batch-size", "2", "--seq-len", "1024", "--dtype", "float16");
    expect(code).toBe(0);
    const tableEnd = stdout.indexOf("Training using Adam");
    expect(tableEnd).toBeGreaterThan(0);
    expect(stdout.indexOf("KV cache")).toBeGreaterThan(tableEnd);
    expect(stdout).toContain("72.00 MiB"); // 75,497,472 bytes, labelled in the binary unit it is computed in
    expect(stdout).toContain("assumptions:");
  });

  it("--list-gpus prints the catalog (≥ 100 accelerators)", async () => {
    const { code, stdout } = await run("--list-gpus");
    expect(code).toBe(0);
    expect(GPU_CATALOG.length).toBeGreaterThanOrEqual(100);
    expect(stdout.trim().split("\n")).toHaveLength(GPU_CATALOG.length);
    for (const vendor of ["nvidia", "amd", "apple", "intel", "google"]) expect(GPU_CATALOG.some((g) => g.vendor === vendor)).toBe(true);
  });

  it("usage errors exit 2", async () => {
    expect((await run("gpt2", "--batch-size", "4")).code).toBe(2); // no --inference/--train
    expect((await run("gpt2", "--inference", "--gpu", "nonexistent")).code).toBe(2);
    expect((await run("gpt2", "--inference", "--zero", "3")).code).toBe(2);
  });
});
