// Header-only checkpoints feed the Planner (issue 12): geometry from the tensors' shapes when there is no config.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { makeGguf, makeSafetensors, TOY_DECODER } from "./helpers/weights.js";
import { tempDir } from "./helpers/temp-dir.js";

async function run(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { HF_HUB_OFFLINE: "1", HF_HOME: tempDir("em-home-") } });
  return { code, stdout, stderr, json: () => stdout.trim().split("\n").map((l) => JSON.parse(l)) };
}
const dir = () => tempDir("em-plan-headers-");

// The toy decoder (test/helpers/weights.ts): hidden 16, 2 layers, q/k/v/o 16×16, up/down 16↔64, vocab 100, an
// untied lm_head: 9,392 parameters.
const toy = TOY_DECODER;

describe("plans from checkpoint headers", () => {
  it("safetensors without config.json: weights, a KV cache from the k_proj rows, LoRA over the Linears", async () => {
    const d = dir();
    writeFileSync(join(d, "model.safetensors"), makeSafetensors(toy));
    const inf = await run([join(d, "model.safetensors"), "--inference", "--seq-len", "32", "--json"]);
    expect(inf.code).toBe(0);
    const p = inf.json()[0].plan;
    expect(p.weightsBytes).toBe(9392 * 2);
    // 2 (K, V) × 2 layers × 16 (k_proj rows) × 32 tokens × 2 bytes
    expect(p.kvCacheBytes).toBe(2 * 2 * 16 * 32 * 2);
    const lora = (await run([join(d, "model.safetensors"), "--train", "lora", "--lora-r", "4", "--json"])).json()[0].plan;
    // all-linear minus lm_head: per layer 4 × 4·(16+16) + 2 × 4·(16+64) = 512 + 640 = 1152; × 2 layers
    expect(lora.trainableParameters).toBe(2304);
  });

  it("a GGUF file: quantized weights as stored, geometry from the (reversed) ggml shapes", async () => {
    const d = dir();
    // token_embd ne [64, 32000] (Q4_K), two blocks of attn_q [64, 64] (Q8_0) + ffn_up [64, 128] (Q4_K), output_norm F32.
    const tensors = [
      { name: "token_embd.weight", shape: [64, 32000], type: 12 },
      { name: "blk.0.attn_q.weight", shape: [64, 64], type: 8 },
      { name: "blk.0.ffn_up.weight", shape: [64, 128], type: 12 },
      { name: "blk.1.attn_q.weight", shape: [64, 64], type: 8 },
      { name: "blk.1.ffn_up.weight", shape: [64, 128], type: 12 },
      { name: "output_norm.weight", shape: [64], type: 0 },
    ];
    writeFileSync(join(d, "toy-Q4_K_M.gguf"), makeGguf({ "general.architecture": "llama" }, tensors));
    const r = await run([join(d, "toy-Q4_K_M.gguf"), "--inference", "--seq-len", "100", "--json"]);
    expect(r.code).toBe(0);
    const p = r.json()[0].plan;
    // Q4_K 144 bytes per 256 weights, Q8_0 34 per 32, F32 4: 1,152,000 + 2 × (4352 + 4608) + 256
    expect(p.weightsBytes).toBe(1_152_000 + 2 * (4352 + 4608) + 256);
    // No k projection stored: K and V taken as wide as the hidden size (64): 2 × 2 layers × 64 × 100 × 2 bytes.
    expect(p.kvCacheBytes).toBe(2 * 2 * 64 * 100 * 2);
    expect(p.assumptions.join(" ")).toMatch(/read from the checkpoint's tensors/);
  });
});
