// `estimate-memory fits` and the planner's csv/markdown columns, warnings and usage errors.
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { tempDir } from "./helpers/temp-dir.js";

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const env = { HF_HUB_OFFLINE: "1", HF_HOME: tempDir("estimate-memory-home-") };
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env });
  return { code, stdout, stderr };
}

describe("estimate-memory fits", () => {
  it('--gpu "RTX 4090 24GB" --inference --seq-len 8192 --json: one full result per fitting model, largest first', async () => {
    const { code, stdout } = await run("fits", "--gpu", "RTX 4090 24GB", "--inference", "--seq-len", "8192", "--json");
    expect(code).toBe(0);
    const results = stdout.trim().split("\n").map((l) => JSON.parse(l) as { model: string; plan: { fits: boolean; parameters: number; maxBatchSize: number; maxSeqLen: number } });
    expect(results.length).toBeGreaterThan(10);
    for (const r of results) {
      expect(r.plan.fits).toBe(true);
      expect(r.plan.maxBatchSize).toBeGreaterThanOrEqual(1);
      expect(r.plan.maxSeqLen).toBeGreaterThanOrEqual(8192);
    }
    const params = results.map((r) => r.plan.parameters);
    expect(params).toEqual([...params].sort((a, b) => b - a));
    const models = results.map((r) => r.model);
    // 8B in bf16 is 16.06 GB of weights + 1 GiB of cache at 8k: fits 24 GiB; 70B (141 GB of weights) cannot.
    expect(models).toContain("meta-llama/Llama-3.1-8B");
    expect(models).not.toContain("meta-llama/Llama-3.1-70B");
  });

  it("--top 3 lists three; the table names the GPU and counts what was left out", async () => {
    const { code, stdout } = await run("fits", "--gpu", "RTX 4090 24GB", "--inference", "--seq-len", "8192", "--top", "3");
    expect(code).toBe(0);
    expect(stdout).toContain("Shipped models that fit RTX 4090 24GB");
    expect(stdout).toMatch(/of \d+ planned models fit \(\d+ more fit but take fewer positions than the planned sequence length/);
    const rows = stdout.split("\n").filter((l) => /^│.*│\s*\d[\d,]*\s*│/.test(l));
    expect(rows).toHaveLength(3);
  });

  it("--format csv carries the plan's columns", async () => {
    const { code, stdout } = await run("fits", "--gpu", "H100 80GB", "--inference", "--format", "csv", "--top", "2");
    expect(code).toBe(0);
    const [header, ...lines] = stdout.trim().split("\n");
    expect(header).toContain("plan_total_bytes,plan_peak_phase,plan_gpu,plan_fits,plan_gpus_needed,plan_max_batch_size,plan_max_seq_len");
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(l).toContain(",H100 80GB,true,1,");
  });

  it("needs --gpu; a bad planner flag is one line and exit 2", async () => {
    expect((await run("fits", "--inference")).code).toBe(2);
    const bad = await run("fits", "--gpu", "RTX 4090 24GB", "--inference", "--train", "full");
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("planner output paths", () => {
  it("csv and markdown runs carry the plan's columns", async () => {
    const csv = await run("openai-community/gpt2", "--inference", "--format", "csv");
    expect(csv.stdout.split("\n")[0]).toContain("plan_weights_bytes");
    expect(csv.stdout.split("\n")[1]).toContain(",inference,GPT2");
    const md = await run("openai-community/gpt2", "--inference", "--format", "markdown");
    expect(md.stdout.split("\n")[0]).toContain("| Peak (phase) |");
    expect(md.stdout).toContain("(prefill)");
  });

  it("a sequence longer than max_position_embeddings warns on stderr", async () => {
    const { code, stderr } = await run("openai-community/gpt2", "--inference", "--seq-len", "4096");
    expect(code).toBe(0);
    expect(stderr).toContain("warning: openai-community/gpt2: sequence length 4096 is longer than the model's max_position_embeddings (1024)");
  });

  it("--gpu on a model whose activations are not modelled prints 'not modelled'", async () => {
    const { stdout } = await run("timm/efficientnet_b0.ra_in1k", "--train", "full", "--gpu", "RTX 4090 24GB");
    expect(stdout).toContain("max batch size: not modelled");
  });

  it.each([
    [["--attn-implementation", "flash"], /attn-implementation/],
    [["--attn-implementation", "flash_attention_2", "--dtype", "float32"], /float16\/bfloat16/],
    [["--seq-len", "1024", "--prompt-len", "2048"], /--prompt-len 2048 is longer than --seq-len 1024/],
  ])("bad inference options %j: one line, exit 2", async (flags, message) => {
    const { code, stderr } = await run("openai-community/gpt2", "--inference", ...(flags as string[]));
    expect(code).toBe(2);
    expect(stderr).toMatch(message as RegExp);
  });
});
