// PEFT adapter folders (adapter_config.json): the base resolved as any MODEL, the adapter counted on its tree.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), "estimate-memory-adapter-"));
  temps.push(dir);
  return dir;
};

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { HF_HUB_OFFLINE: "1", HF_HOME: temp() } });
  return { code, stdout, stderr };
}

function adapter(config: Record<string, unknown>): string {
  const dir = temp();
  writeFileSync(join(dir, "adapter_config.json"), JSON.stringify({ peft_type: "LORA", task_type: "CAUSAL_LM", base_model_name_or_path: "meta-llama/Llama-3.2-1B", r: 16, ...config }));
  return dir;
}

// Llama-3.2-1B: 16 layers, hidden 2048, 32 heads of 64 and 8 KV heads (k/v 512 wide), MLP 8192.
const LAYERS = 16;
const QV = 16 * (2048 + 2048) + 16 * (2048 + 512);
const ALL = 16 * (2 * (2048 + 2048) + 2 * (2048 + 512) + 2 * (2048 + 8192) + (8192 + 2048));

describe("PEFT adapters", () => {
  it("LoRA r=16 on q_proj, v_proj: r × (in + out) per targeted Linear, base + adapter in the table", async () => {
    const base = JSON.parse((await run("meta-llama/Llama-3.2-1B", "--json")).stdout.split("\n")[0] ?? "");
    const { code, stdout } = await run(adapter({ target_modules: ["q_proj", "v_proj"] }), "--json");
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.adapter).toMatchObject({ method: "LORA", r: 16, parameters: QV * LAYERS, bytes: QV * LAYERS * 4, targetedModules: 2 * LAYERS });
    expect(result.modelClass).toBe("LlamaForCausalLM");
    // LlamaForCausalLM = LlamaModel + lm_head (128256 × 2048; tied by assignment, which accelerate's empty init
    // undoes, so it counts in full); then the adapter.
    expect(result.totalBytes).toBe(base.totalBytes + 128256 * 2048 * 4 + QV * LAYERS * 4);
  });

  it("all-linear skips the output layer; a regex string must match the full name", async () => {
    const all = JSON.parse((await run(adapter({ target_modules: "all-linear" }), "--json")).stdout);
    expect(all.adapter.parameters).toBe(ALL * LAYERS);
    const re = JSON.parse((await run(adapter({ target_modules: ".*\\.layers\\.[0-3]\\.self_attn\\.(q_proj|v_proj)" }), "--json")).stdout);
    expect(re.adapter).toMatchObject({ parameters: QV * 4, targetedModules: 8 });
  });

  it("rank_pattern, DoRA magnitudes, layers_to_transform and modules_to_save", async () => {
    const ranked = JSON.parse((await run(adapter({ target_modules: ["q_proj", "v_proj"], rank_pattern: { v_proj: 4 } }), "--json")).stdout);
    expect(ranked.adapter.parameters).toBe(LAYERS * (16 * (2048 + 2048) + 4 * (2048 + 512)));
    const dora = JSON.parse((await run(adapter({ target_modules: ["q_proj", "v_proj"], use_dora: true }), "--json")).stdout);
    expect(dora.adapter).toMatchObject({ method: "DORA", parameters: LAYERS * (QV + 2048 + 512) });
    const some = JSON.parse((await run(adapter({ target_modules: ["q_proj", "v_proj"], layers_to_transform: [0, 1] }), "--json")).stdout);
    expect(some.adapter.parameters).toBe(2 * QV);
    const saved = JSON.parse((await run(adapter({ target_modules: ["q_proj", "v_proj"], modules_to_save: ["lm_head"] }), "--json")).stdout);
    expect(saved.adapter.parameters).toBe(LAYERS * QV + 128256 * 2048);
  });

  it("a base that cannot be resolved, or targets naming nothing: one line, exit 1", async () => {
    const missing = await run(adapter({ base_model_name_or_path: "./no/such/base", target_modules: ["q_proj"] }));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error: .*the adapter's base `\.\/no\/such\/base` cannot be resolved: .*\n$/);
    const nothing = await run(adapter({ target_modules: ["nonexistent_proj"] }));
    expect(nothing.code).toBe(1);
    // (The base comes from the shipped catalog: a `note:` line says so.)
    const errors = nothing.stderr.split("\n").filter((l) => l.startsWith("error:"));
    expect(errors).toEqual([expect.stringMatching(/target_modules \["nonexistent_proj"\] names no layer of the base model$/)]);
  });

  it("a local base folder and the human output", async () => {
    const baseDir = temp();
    mkdirSync(baseDir, { recursive: true });
    writeFileSync(join(baseDir, "config.json"), readFileSync(new URL("../catalog/configs/meta-llama--Llama-3.2-1B.json", import.meta.url)));
    const { code, stdout } = await run(adapter({ base_model_name_or_path: baseDir, target_modules: ["q_proj", "v_proj"] }));
    expect(code).toBe(0);
    expect(stdout).toContain(`(LORA, r=16, ${2 * LAYERS} modules) on \`LlamaForCausalLM\``);
    expect(stdout).toContain(`adapter: ${(QV * LAYERS).toLocaleString("en-US")} parameters`);
  });
});

describe("PEFT adapters in the planner", () => {
  it("--train lora takes r and targets from the adapter config", async () => {
    const dir = adapter({ target_modules: ["q_proj", "v_proj"] });
    const { code, stdout } = await run(dir, "--train", "lora", "--json");
    expect(code).toBe(0);
    const plan = JSON.parse(stdout).plan;
    expect(plan.lora).toMatchObject({ r: 16, targets: ["q_proj", "v_proj"], trainableParameters: QV * LAYERS });
    // Explicit flags win over the adapter's values.
    const flagged = JSON.parse((await run(dir, "--train", "lora", "--lora-r", "8", "--json")).stdout).plan;
    expect(flagged.lora).toMatchObject({ r: 8, trainableParameters: (QV / 2) * LAYERS });
  });
});
