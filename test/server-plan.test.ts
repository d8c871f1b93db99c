// `/api/estimate` with planner options: the CLI's flags as query parameters, answered with the CLI's `--json`
// object and its `plan`. Expected figures are worked out by hand beside each assertion.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { planOptionsFromQuery } from "../src/app/plan-options.js";
import { startServer, type RunningServer } from "../src/server/server.js";
import { startHubStandIn, type HubStandIn } from "./helpers/hub-stand-in.js";
import { tempDir } from "./helpers/temp-dir.js";

const LLAMA = "meta-llama/Llama-3.1-8B";
const llamaConfig = readFileSync(new URL("../catalog/configs/meta-llama--Llama-3.1-8B.json", import.meta.url), "utf8");

// Llama-3.1-8B's geometry (config.json): 32 layers, hidden 4096, 32 heads of 128, 8 KV heads, MLP 14336, vocab 128256.
const PARAMETERS = 8_030_261_248;
const EMBEDDING_PARAMETERS = 128_256 * 4096; // 525,336,576: the largest single module (DeepSpeed's L)

let standIn: HubStandIn;
let server: RunningServer;

beforeAll(async () => {
  standIn = await startHubStandIn([{ id: LLAMA, files: { "config.json": llamaConfig } }]);
  server = await startServer({
    port: 0,
    host: "127.0.0.1",
    staticDir: tempDir("em-static-"),
    settings: { endpoint: standIn.url, token: undefined, cacheDir: tempDir("em-serve-plan-"), offline: false },
  });
}, 30_000);

afterAll(async () => {
  await server.close();
  await standIn.close();
});

const api = async (query: string) => {
  const res = await fetch(`${server.url}/api/estimate?model=${LLAMA}&${query}`);
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};

async function cliJson(...argv: string[]): Promise<Record<string, unknown>> {
  let stdout = "";
  const env = { HF_HUB_OFFLINE: "1", HF_HOME: tempDir("em-home-") };
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: () => {}, env });
  expect(code).toBe(0);
  return JSON.parse(stdout) as Record<string, unknown>;
}

describe("GET /api/estimate with planner options", () => {
  it("inference, bf16, seq 8192: KV cache = 2 × 32 layers × 8 kv heads × 128 × 8192 × 2 bytes", async () => {
    const { status, body } = await api("inference=1&seq-len=8192");
    expect(status).toBe(200);
    // accelerate's table builds AutoModel (no LM head); the plan counts the model with its head.
    expect(body.parameters).toBe(PARAMETERS - EMBEDDING_PARAMETERS); // 7,504,924,672
    expect(body.plan.parameters).toBe(PARAMETERS);
    expect(body.plan.mode).toBe("inference");
    expect(body.plan.kvCacheBytes).toBe(2 * 32 * 8 * 128 * 8192 * 2); // 1,073,741,824
    // bf16 weights: 2 bytes per parameter (the only buffer, rotary inv_freq, is not a weight to load).
    expect(body.plan.weightsBytes).toBeGreaterThanOrEqual(PARAMETERS * 2); // 16,060,522,496
    expect(body.plan.weightsBytes).toBeLessThan(PARAMETERS * 2 + 1024 ** 2);
    expect(body.plan.totalBytes).toBe(body.plan.weightsBytes + body.plan.kvCacheBytes + body.plan.activationBytes + body.plan.overheadBytes);
  });

  it("batch-size 4 multiplies the KV cache: 4 × 1,073,741,824", async () => {
    const { body } = await api("inference=1&batch-size=4&seq-len=8192&dtype=bfloat16");
    expect(body.plan.kvCacheBytes).toBe(4 * 2 * 32 * 8 * 128 * 8192 * 2); // 4,294,967,296
    expect(body.plan.settings).toMatchObject({ batchSize: 4, seqLen: 8192, dtype: "bfloat16" });
  });

  it("the same object as the CLI's --json (one mapping for flags and query parameters)", async () => {
    const query = "inference=1&batch-size=2&seq-len=4096&quantization=bnb-nf4&gpu=RTX%204090%2024GB";
    const { body } = await api(query);
    const cli = await cliJson(LLAMA, "--inference", "--batch-size", "2", "--seq-len", "4096", "--quantization", "bnb-nf4", "--gpu", "RTX 4090 24GB", "--json");
    expect(body.plan).toEqual(cli.plan);
    expect(planOptionsFromQuery(new URLSearchParams(query))).toEqual({ inference: true, batchSize: 2, seqLen: 4096, quantization: "bnb-nf4", gpu: "RTX 4090 24GB" });
  });

  it("LoRA r=16 on all linear layers: 32 × 16 × (2·8192 + 2·5120 + 3·18432) = 41,943,040 trainable", async () => {
    // q, o: 4096→4096 (in + out = 8192); k, v: 4096→1024 (5120); gate, up, down: 4096↔14336 (18432).
    const { status, body } = await api("train=lora&lora-r=16&lora-targets=all-linear");
    expect(status).toBe(200);
    expect(body.plan.mode).toBe("training");
    expect(body.plan.trainableParameters).toBe(32 * 16 * (2 * 8192 + 2 * 5120 + 3 * 18432));
    // Module names as a comma list: q_proj + v_proj = 32 × 16 × (8192 + 5120) = 6,815,744.
    const qv = await api("train=lora&lora-r=16&lora-targets=q_proj,v_proj");
    expect(qv.body.plan.trainableParameters).toBe(32 * 16 * (8192 + 5120));
  });

  it("full training, ZeRO-3 on 8 GPUs: model states = DeepSpeed's 4·L + int(18·P / 8)", async () => {
    const { body } = await api("train=full&gpus=8&zero=3");
    expect(body.plan.modelStatesPerGpuBytes).toBe(4 * EMBEDDING_PARAMETERS + Math.trunc((18 * PARAMETERS) / 8)); // 20,168,434,112
    expect(body.plan.parallel.gpus).toBe(8);
  });

  it("a GPU adds the verdict: ≈ 18.6 GB fits a 24 GB RTX 4090, not a 16 GB T4 (needs 2)", async () => {
    const big = await api("inference=1&seq-len=8192&gpu=RTX%204090%2024GB");
    expect(big.body.plan).toMatchObject({ fits: true, gpusNeeded: 1, gpu: { name: "RTX 4090 24GB", memoryBytes: 24 * 1024 ** 3 } });
    const small = await api("inference=1&seq-len=8192&gpu=T4%2016GB");
    // 16 GiB = 17,179,869,184 < the 16.06 GB of bf16 weights + 1.07 GB KV cache + activations and overhead.
    expect(small.body.plan).toMatchObject({ fits: false, gpusNeeded: 2 });
  });

  it("without planner options there is no plan (the table only, as before)", async () => {
    const { body } = await api("dtypes=float32");
    expect(body.plan).toBeUndefined();
  });

  it("bad planner values: 400 JSON {error}, and no Hub request for the ones the query alone shows", async () => {
    const before = standIn.requests.length;
    for (const query of [
      "batch-size=4", // a planner option without inference or train
      "inference=1&batch-size=0",
      "inference=1&seq-len=8k",
      "inference=maybe",
      "train=sideways",
      "inference=1&dtype=float64",
      "train=full&zero=4",
      "inference=1&gpu=nonexistent",
      "inference=1&gpu=RTX", // ambiguous
      "train=lora&lora-targets=",
    ]) {
      const { status, body } = await api(query);
      expect(status, query).toBe(400);
      expect(body, query).toEqual({ error: expect.any(String) });
    }
    expect(standIn.requests.length).toBe(before);
    // Contradictory combinations are refused before the Hub too, naming the query parameters (not CLI flags).
    for (const [query, named] of [
      ["inference=1&zero=3&gpus=2", "`zero` applies to `train`"],
      ["inference=1&train=full", "`inference` and `train` are exclusive"],
      ["train=full&quantization=bnb-nf4", "`quantization` is for `inference`"],
      ["inference=1&lora-r=8", "`lora-r` needs `train` lora"],
      ["train=full&zero=3", "`zero` needs `gpus`"],
      ["train=full&gpus=2&seq-len=0", "`seq-len` must be a positive integer"],
    ] as const) {
      const { status, body } = await api(query);
      expect(status, query).toBe(400);
      expect(body.error, query).toContain(named);
      expect(body.error, query).not.toMatch(/--|seqLen|loraR/);
    }
    expect(standIn.requests.length).toBe(before);
  });
});

describe("the page's planner state and the API's query mean the same plan", () => {
  // Page links use the API's and the CLI's names (`inference=1`, `train=lora`); older links said `mode=…`.
  it.each([
    ["inference=1&seq-len=8192&gpu=RTX+4090+24GB", undefined],
    ["inference=1&batch-size=4&quantization=bnb-nf4&gpus=2", undefined],
    ["inference=1&dtype=float16&kv-dtype=fp8&overhead-mb=256", undefined],
    // In the option table's order.
    ["train=full&optimizer=adamw-8bit&precision=bf16&gradient-checkpointing=1&gpus=8&zero=3&offload=optimizer", undefined],
    ["train=full&gpus=4&fsdp=full", undefined],
    ["train=lora&lora-r=16&lora-targets=q_proj%2Cv_proj&gpu=T4+16GB", undefined],
    ["train=qlora&seq-len=4096&double-quant=1", undefined],
    // The older form is read, and written back in the new one.
    ["mode=inference&seq-len=8192&gpu=RTX%204090%2024GB", "inference=1&seq-len=8192&gpu=RTX+4090+24GB"],
    ["mode=full&precision=bf16&zero=3&gpus=8", "train=full&precision=bf16&gpus=8&zero=3"],
    ["mode=lora&lora-r=16&lora-targets=q_proj,v_proj&gpu=T4%2016GB", "train=lora&lora-r=16&lora-targets=q_proj%2Cv_proj&gpu=T4+16GB"],
  ] as const)("%s", async (link, written) => {
    const { readPlanner, plannerParams, planOptionsOf } = await import("../web/planner-state.js");
    const state = readPlanner(new URLSearchParams(link));
    // The link round-trips: what the page writes is what it read (in the API's names).
    expect(new URLSearchParams(plannerParams(state)).toString()).toBe(written ?? link);
    // And it is the API's query: the same parser reads the same plan from it.
    expect(planOptionsOf(state)).toEqual(planOptionsFromQuery(new URLSearchParams(written ?? link)));
  });

  it("weights only is no plan; unknown values fall back to the defaults", async () => {
    const { readPlanner, planOptionsOf, PLANNER_DEFAULTS } = await import("../web/planner-state.js");
    expect(planOptionsOf(readPlanner(new URLSearchParams("gpu=H100%2080GB")))).toBeUndefined();
    expect(readPlanner(new URLSearchParams("mode=sideways&batch-size=0&seq-len=8k&gpu=nonexistent&zero=5"))).toEqual(PLANNER_DEFAULTS);
    // A GPU named as the CLI accepts it.
    expect(readPlanner(new URLSearchParams("inference=1&gpu=h100-80gb")).values.gpu).toBe("H100 80GB");
  });

  it("every option of the table has a control in some mode, under its table name", async () => {
    const { controlsFor, MODES } = await import("../web/planner-state.js");
    const { PLAN_OPTION_KEYS } = await import("../src/core/plan/options.js");
    const shown = new Set(MODES.flatMap((m) => controlsFor(m)));
    // `inference` and `train` are the mode select.
    expect(PLAN_OPTION_KEYS.filter((k) => !shown.has(k))).toEqual(["inference", "train"]);
  });
});
