// The one table of planner options: every entry is a CLI flag and a query parameter meaning the same thing; bad
// values and contradictory combinations are refused once, before any Hub request, with errors that name options
// by key in the library and by flag in the CLI.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planOptionsFromNamed, planOptionsFromQuery, planOptionsToParams } from "../src/app/plan-options.js";
import { errorMessage } from "../src/app/option-names.js";
import { parseArgs } from "../src/cli/args.js";
import { main, OPTIONS } from "../src/cli/main.js";
import { OptionError } from "../src/core/errors.js";
import { estimate } from "../src/core/estimate-all.js";
import { closestGpus } from "../src/core/plan/gpus.js";
import { PLAN_DEFAULTS, PLAN_OPTION_KEYS, PLAN_OPTION_TABLE, validatePlanOptions, type PlanOptionDef, type PlanOptionKey } from "../src/core/plan/options.js";
import type { PlanOptions } from "../src/core/plan/types.js";
import { startHubStandIn, type HubStandIn } from "./helpers/hub-stand-in.js";

/** For each option, a valid set of options that uses it (an option added to the table needs a line here). */
const SAMPLES = {
  inference: { inference: true, seqLen: 4096 },
  train: { train: "qlora" },
  batchSize: { inference: true, batchSize: 3 },
  seqLen: { train: "full", seqLen: 512 },
  encoderSeqLen: { inference: true, encoderSeqLen: 1500 },
  dtype: { inference: true, dtype: "float16" },
  kvDtype: { inference: true, kvDtype: "fp8" },
  quantization: { inference: true, quantization: "gptq-4bit" },
  doubleQuant: { train: "qlora", doubleQuant: true },
  groupSize: { inference: true, quantization: "awq-4bit", groupSize: 64 },
  overheadMb: { inference: true, overheadMb: 750.5 },
  optimizer: { train: "full", optimizer: "adamw-8bit" },
  optimizerInBackward: { train: "full", optimizer: "paged_adamw_8bit", optimizerInBackward: true },
  attnImplementation: { train: "full", attnImplementation: "eager" },
  promptLen: { inference: true, seqLen: 8192, promptLen: 1024 },
  imageSize: { train: "full", imageSize: 384 },
  precision: { train: "full", precision: "bf16" },
  gradientCheckpointing: { train: "full", gradientCheckpointing: true },
  chunkedLoss: { train: "full", chunkedLoss: true },
  loraR: { train: "lora", loraR: 16 },
  loraTargets: { train: "lora", loraTargets: ["q_proj", "v_proj"] },
  gpus: { train: "full", gpus: 8 },
  zero: { train: "full", gpus: 8, zero: 3 },
  offload: { train: "full", gpus: 2, zero: 2, offload: "optimizer" },
  fsdp: { train: "lora", gpus: 4, fsdp: "shard-grad-op" },
  tp: { inference: true, gpus: 4, tp: 2 },
  gpu: { inference: true, gpu: "H100 80GB" },
} satisfies Record<PlanOptionKey, PlanOptions>;

const DEFS: readonly PlanOptionDef[] = Object.values(PLAN_OPTION_TABLE);

describe("every option in the table", () => {
  it("has a sample, a kebab-case name and a description", () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...PLAN_OPTION_KEYS].sort());
    for (const key of PLAN_OPTION_KEYS) {
      expect(PLAN_OPTION_TABLE[key].name).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      expect(PLAN_OPTION_TABLE[key].description.length).toBeGreaterThan(10);
    }
  });

  it.each(PLAN_OPTION_KEYS)("%s: the same options from CLI flags and from query parameters", (key) => {
    const options: PlanOptions = SAMPLES[key];
    const query = new URLSearchParams(planOptionsToParams(options));
    expect(planOptionsFromQuery(query)).toEqual(options);
    const argv = planOptionsToParams(options).flatMap(([name, value]) => {
      const def = DEFS.find((d) => d.name === name);
      return def?.kind === "switch" ? [`--${name}`] : [`--${name}`, value];
    });
    expect(planOptionsFromNamed(parseArgs(argv, OPTIONS).options)).toEqual(options);
    // Aliases (argparse's underscores) read the same.
    const aliased = new URLSearchParams(planOptionsToParams(options).map(([name, value]): [string, string] => [DEFS.find((d) => d.name === name)?.aliases?.[0] ?? name, value]));
    expect(planOptionsFromQuery(aliased)).toEqual(options);
  });

  it("the defaults are the Planner's: an option given at its default plans the same as the option left out", () => {
    const config = { model_type: "gpt2", n_layer: 2, n_embd: 64, n_head: 4, vocab_size: 1000, n_positions: 256 };
    const plan = (o: PlanOptions) => estimate(config, { plan: o }).plan?.totalBytes;
    expect(plan({ inference: true, batchSize: PLAN_DEFAULTS.batchSize, seqLen: PLAN_DEFAULTS.seqLen, dtype: PLAN_DEFAULTS.dtype })).toBe(plan({ inference: true }));
    expect(plan({ train: "lora", optimizer: PLAN_DEFAULTS.optimizer, precision: PLAN_DEFAULTS.precision, loraR: PLAN_DEFAULTS.loraR, loraTargets: PLAN_DEFAULTS.loraTargets })).toBe(plan({ train: "lora" }));
    // …and a non-default value changes it, so the comparison above is not vacuous.
    expect(plan({ inference: true, seqLen: PLAN_DEFAULTS.seqLen * 2 })).not.toBe(plan({ inference: true }));
  });
});

describe("library errors name options by key", () => {
  it.each([
    [{ "seq-len": "0", inference: true }, "seqLen", "`seqLen` must be a positive integer (got 0)"],
    [{ train: "full", zero: "3" }, "zero", "`zero` needs `gpus` (how many GPUs share the states)"],
    [{ inference: true, train: "full" }, "inference", "`inference` and `train` are exclusive"],
    [{ "batch-size": "2" }, "batchSize", "`batchSize` plans memory: it needs `inference` or `train`"],
    [{ inference: true, "overhead-mb": "-1" }, "overheadMb", "`overheadMb` must be a number ≥ 0 (got -1)"],
    [{ train: "full", zero: "4", gpus: "2" }, "zero", "`zero`: invalid choice '4' (choose from 1, 2, 3)"],
  ])("%j → OptionError(%s)", (named, option, message) => {
    let error: unknown;
    try {
      planOptionsFromNamed(named);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OptionError);
    expect((error as OptionError).option).toBe(option);
    expect((error as OptionError).message).toBe(message);
    expect((error as OptionError).message).not.toMatch(/--/);
  });

  it("library callers get the same checks from estimate(), typed values included", () => {
    const config = { model_type: "gpt2", n_layer: 2, n_embd: 64, n_head: 4, vocab_size: 1000, n_positions: 256 };
    expect(() => estimate(config, { plan: { train: "full", fsdp: "full" } })).toThrow("`fsdp` needs `gpus`");
    expect(() => estimate(config, { plan: { inference: true, batchSize: 1.5 } })).toThrow("`batchSize` must be a positive integer (got 1.5)");
    expect(() => validatePlanOptions({ inference: true, gpus: 2, tp: 4 })).toThrow("`tp` 4 needs at least 4 GPUs (`gpus` 2)");
  });

  it("front ends render the keys in their own spelling", () => {
    const error = (() => {
      try {
        validatePlanOptions({ train: "full", gpus: 2, offload: "cpu" });
      } catch (e) {
        return e;
      }
    })();
    expect(errorMessage(error, "flag")).toBe("--offload needs --zero");
    expect(errorMessage(error, "query")).toBe("`offload` needs `zero`");
    expect((error as OptionError).options).toEqual(["offload", "zero"]);
  });
});

describe("an unknown GPU suggests the closest names", () => {
  it.each([
    ["RTX 4099", "RTX 4090 24GB"],
    ["rtx4090 24g", "RTX 4090 24GB"],
    ["H100 81GB", "H100 80GB"],
    ["A100 80G", "A100 80GB"],
  ])("%s → %s first", (query, first) => {
    expect(closestGpus(query)[0]).toBe(first);
  });
});

describe("the CLI refuses bad planner options in one line, exit 2, before any network access", () => {
  let standIn: HubStandIn;
  let home: string;
  beforeAll(async () => {
    standIn = await startHubStandIn([]);
    home = mkdtempSync(join(tmpdir(), "em-plan-options-"));
  });
  afterAll(async () => {
    await standIn.close();
    rmSync(home, { recursive: true, force: true });
  });

  it.each([
    [["org/a", "--inference", "--train", "full"], "error: --inference and --train are exclusive"],
    [["org/a", "--train", "full", "--zero", "3"], "error: --zero needs --gpus (how many GPUs share the states)"],
    [["org/a", "--train", "full", "--fsdp", "full"], "error: --fsdp needs --gpus (how many GPUs share the states)"],
    [["org/a", "--train", "full", "--zero", "3", "--fsdp", "full", "--gpus", "2"], "error: --zero and --fsdp are exclusive"],
    [["org/a", "--inference", "--zero", "3", "--gpus", "2"], "error: --zero applies to --train"],
    [["org/a", "--train", "full", "--gpus", "2", "--offload", "cpu"], "error: --offload needs --zero"],
    [["org/a", "--inference", "--optimizer", "sgd"], "error: --optimizer applies to --train"],
    [["org/a", "--inference", "--gradient-checkpointing"], "error: --gradient-checkpointing applies to --train"],
    [["org/a", "--train", "full", "--dtype", "float16"], "error: --dtype applies to --inference"],
    [["org/a", "--train", "lora", "--kv-dtype", "fp8"], "error: --kv-dtype applies to --inference"],
    [["org/a", "--train", "lora", "--quantization", "bnb-nf4"], "error: --quantization is for --inference (QLoRA is --train qlora)"],
    [["org/a", "--inference", "--lora-r", "8"], "error: --lora-r needs --train lora or --train qlora"],
    [["org/a", "--inference", "--gpus", "2", "--tp", "4"], "error: --tp 4 needs at least 4 GPUs (--gpus 2)"],
    [["org/a", "--inference", "--seq-len", "0"], "error: --seq-len must be a positive integer (got 0)"],
    [["org/a", "--inference", "--overhead-mb", "lots"], "error: --overhead-mb must be a number ≥ 0 (got lots)"],
    [["org/a", "--batch-size", "4"], "error: --batch-size plans memory: it needs --inference or --train"],
    [["org/a", "--inference", "--gpu", "RTX 4099"], "error: --gpu `RTX 4099` is not in the GPU catalog; closest: RTX 4090 24GB, RTX 4000 Ada 20GB, RTX 5090 32GB"],
    [["org/a", "--inference", "--gpu", "A100"], "error: --gpu `A100` matches 2 accelerators: A100 80GB, A100 40GB"],
    // Several models: still one line, not one per model.
    [["org/a", "org/b", "org/c", "--train", "full", "--zero", "2"], "error: --zero needs --gpus (how many GPUs share the states)"],
  ])("%j", async (argv, line) => {
    let stdout = "";
    let stderr = "";
    const before = standIn.requests.length;
    const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { HF_ENDPOINT: standIn.url, HF_HOME: home } });
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(`${line}\n`);
    expect(standIn.requests.length).toBe(before);
  });
});
