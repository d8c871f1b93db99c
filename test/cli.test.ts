import { writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { execFileSync, spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { loadReference } from "./helpers/reference.js";
import { tempDir } from "./helpers/temp-dir.js";

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  // Offline: these tests are about the shipped catalog and local files (test/hub.test.ts covers the Hub).
  const env = { HF_HUB_OFFLINE: "1", HF_HOME: tempDir("estimate-memory-home-") };
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env });
  return { code, stdout, stderr };
}

const hub = loadReference("hub-configs.jsonl");
const record = (id: string) => {
  const r = hub.find((x) => x.id === id);
  if (!r) throw new Error(`no reference record ${id}`);
  return r;
};

describe("estimate-memory MODEL (table)", () => {
  it("prints accelerate's loading line and table for a catalog id", async () => {
    const r = record("google-bert/bert-base-cased");
    const { code, stdout, stderr } = await run("google-bert/bert-base-cased");
    expect(code).toBe(0);
    expect(stderr).toBe("note: google-bert/bert-base-cased: HF_HUB_OFFLINE is set; using the config shipped with estimate-memory (a copy of the repository's config.json)\n");
    expect(stdout).toBe(`Loading pretrained config for \`google-bert/bert-base-cased\` from \`transformers\`...\n${r.expected.table}\n`);
  });

  it("resolves the legacy id bert-base-cased and titles the table with it", async () => {
    const { code, stdout } = await run("bert-base-cased");
    expect(code).toBe(0);
    // The fp32 row of the reference record (86.47 MB │ 413.18 MB │ 1.61 GB), title with the id as typed.
    expect(stdout).toContain("│float32│   86.47 MB  │413.18 MB │      1.61 GB      │");
    expect(stdout).toContain("Memory Usage for loading `bert-base-cased`");
  });

  it("builds the seed timm example offline", async () => {
    const { code, stdout } = await run("timm/resnet50.a1_in1k");
    expect(code).toBe(0);
    expect(stdout).toContain("from `timm`...");
    // Same architecture and classes as the reference's other resnet50 tags: 9.0 MB │ 97.7 MB │ 390.78 MB.
    const [, largest, total, training] = record("timm/resnet50.a3_in1k").expected.formatted_rows[0] as string[];
    expect(stdout).toContain(`│float32│    ${largest}   │ ${total}  │     ${training}     │`);
  });

  it("keeps the requested dtype rows in order", async () => {
    const { stdout } = await run("bert-base-cased", "--dtypes", "int4", "float32");
    const rows = stdout.split("\n").filter((l) => /^│ *(int4|float32)/.test(l));
    expect(rows.map((l) => l.split("│")[1]?.trim())).toEqual(["int4", "float32"]);
  });

  it("reads a local folder and a config.json path", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "config.json"), JSON.stringify(record("openai-community/gpt2").config));
    const fromDir = await run(dir);
    const fromFile = await run(join(dir, "config.json"));
    expect(fromDir.code).toBe(0);
    expect(fromFile.code).toBe(0);
    expect(fromDir.stdout).toContain(record("openai-community/gpt2").expected.formatted_rows[0]?.[2] as string);
  });
});

describe("--json", () => {
  it("prints one object per MODEL in order, errors on their own line, exit 1", async () => {
    const { code, stdout } = await run("bert-base-cased", "no-such/model", "timm/resnet50.a1_in1k", "--json");
    expect(code).toBe(1);
    const lines = stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    const bert = record("google-bert/bert-base-cased").expected;
    expect(lines[0]).toMatchObject({
      model: "bert-base-cased",
      library: "transformers",
      modelClass: bert.model_class,
      parameters: bert.param_count,
      bufferBytes: bert.buffer_bytes,
      totalBytes: bert.total_size_bytes,
      largestLayer: { bytes: bert.largest_layer_bytes, names: bert.largest_layer_names },
    });
    expect(lines[0].rows.map((r: { dtype: string }) => r.dtype)).toEqual(["float32", "float16", "int8", "int4"]);
    // fp32 training = 4 × total; fp16 = 2 × total (accelerate's estimate_training_usage); int8/int4: null.
    expect(lines[0].rows.map((r: { trainingBytes: number | null }) => r.trainingBytes)).toEqual([
      4 * bert.total_size_bytes,
      2 * bert.total_size_bytes,
      null,
      null,
    ]);
    expect(lines[0].rows[1].totalBytes).toBe(bert.total_size_bytes / 2);
    expect(lines[1]).toEqual({ model: "no-such/model", error: expect.stringContaining("no-such/model") });
    expect(lines[2]).toMatchObject({ model: "timm/resnet50.a1_in1k", library: "timm", modelClass: "ResNet" });
  });
});

describe("bad input: one line, no stack, non-zero exit", () => {
  const expectOneLine = (stderr: string, pattern: RegExp) => {
    const lines = stderr.trim().split("\n");
    expect(lines[0]).toMatch(pattern);
    expect(stderr).not.toMatch(/\n\s+at /);
  };

  it("unknown id offline", async () => {
    const { code, stdout, stderr } = await run("nobody/nothing");
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expectOneLine(stderr, /^error: nobody\/nothing is not in the cache .* nor in the shipped catalog, and HF_HUB_OFFLINE is set$/);
  });

  it("missing path", async () => {
    const { code, stderr } = await run("./missing/config.json");
    expect(code).toBe(1);
    expectOneLine(stderr, /no such file or folder/);
  });

  it("malformed config names the file and the position", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "config.json"), '{\n  "model_type": "bert",\n  "hidden_size": 768,,\n}');
    const { code, stderr } = await run(dir);
    expect(code).toBe(1);
    expectOneLine(stderr, /config\.json is not valid JSON: .* at line 3 column 22/);
  });

  it("empty config", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "config.json"), "");
    const { code, stderr } = await run(join(dir, "config.json"));
    expect(code).toBe(1);
    expectOneLine(stderr, /config\.json is empty/);
  });

  it("unsupported model_type names it", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "config.json"), JSON.stringify({ model_type: "frobnicator" }));
    const { code, stderr } = await run(dir);
    expect(code).toBe(1);
    expectOneLine(stderr, /model_type `frobnicator` is not supported .*--list/);
  });

  it("negative sizes and heads that do not divide the width", async () => {
    const dir = tempDir();
    const base = record("google-bert/bert-base-cased").config;
    mkdirSync(join(dir, "a"));
    mkdirSync(join(dir, "b"));
    writeFileSync(join(dir, "a", "config.json"), JSON.stringify({ ...base, hidden_size: -768 }));
    writeFileSync(join(dir, "b", "config.json"), JSON.stringify({ ...base, num_attention_heads: 7 }));
    const negative = await run(join(dir, "a"));
    const indivisible = await run(join(dir, "b"));
    expect(negative.code).toBe(1);
    expectOneLine(negative.stderr, /`hidden_size` must be a positive integer \(got -768\)/);
    expect(indivisible.code).toBe(1);
    expectOneLine(indivisible.stderr, /`hidden_size` \(768\) is not a multiple of `num_attention_heads` \(7\)/);
    expect(negative.stdout + indivisible.stdout).toBe("");
  });

  it("unknown dtype, library or option: usage error, exit 2", async () => {
    for (const argv of [["bert-base-cased", "--dtypes", "int3"], ["bert-base-cased", "--library_name", "keras"], ["bert-base-cased", "--frob"], []]) {
      const { code, stdout, stderr } = await run(...argv);
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toMatch(/^error: /);
    }
  });
});

describe("other commands", () => {
  it("--help says --trust_remote_code never runs code; --library-name is accepted", async () => {
    const help = await run("--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--trust_remote_code.*no code is ever run/);
    const dashed = await run("bert-base-cased", "--library-name", "transformers", "--trust_remote_code");
    expect(dashed.code).toBe(0);
  });

  it("--list names the supported model types and timm architectures", async () => {
    const { code, stdout } = await run("--list");
    expect(code).toBe(0);
    for (const name of ["bert", "llama", "t5", "resnet50", "resnet101d"]) expect(stdout.split("\n")).toContain(name);
  });

  it("the built executable runs (bin shim → dist/cli.js)", () => {
    const out = execFileSync(process.execPath, ["bin/estimate-memory.js", "bert-base-cased", "--json"], {
      encoding: "utf8",
      env: { ...process.env, HF_HUB_OFFLINE: "1" },
      stdio: ["ignore", "pipe", "ignore"],
    });
    expect(JSON.parse(out).totalBytes).toBe(record("google-bert/bert-base-cased").expected.total_size_bytes);
    const bad = spawnSync(process.execPath, ["bin/estimate-memory.js", "nobody/nothing"], {
      encoding: "utf8",
      env: { ...process.env, HF_HUB_OFFLINE: "1" },
    });
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("--model-class, --task and the shipped configs' origin", () => {
  // The error is the last line of stderr (after the offline note), and the only error line.
  const expectOneLine = (stderr: string, pattern: RegExp) => {
    const errors = stderr.split("\n").filter((l) => l.startsWith("error:"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(pattern);
  };

  it("--model-class builds that class; JSON says which, and that a shipped config was rebuilt", async () => {
    const { code, stdout, stderr } = await run("meta-llama/Llama-3.1-8B", "--model-class", "LlamaForCausalLM", "--json");
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    // The hub reference record's LlamaModel (7,504,924,672) + lm_head 128,256 × 4,096.
    expect(result).toMatchObject({ modelClass: "LlamaForCausalLM", parameters: record("meta-llama/Llama-3.1-8B").expected.param_count + 128_256 * 4096 });
    expect(result).toMatchObject({ origin: expect.stringContaining("config.json"), rebuilt: false });
    expect(stderr).toMatch(/a copy of the repository's config\.json/);
  });

  it("a rebuilt config says so on stderr and in the JSON; falcon-7b-instruct's auto_map picks the classifier", async () => {
    const { code, stdout, stderr } = await run("tiiuae/falcon-7b-instruct", "--json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ modelClass: "FalconForSequenceClassification", rebuilt: true, origin: expect.stringMatching(/rebuilt/) });
    expect(stderr).toMatch(/rebuilt from the model card/);
  });

  it("an unknown class fails with the classes of that model type (exit 1); an unknown task is a usage error (exit 2)", async () => {
    const wrongClass = await run("google-bert/bert-base-cased", "--model-class", "LlamaForCausalLM");
    expect(wrongClass.code).toBe(1);
    expectOneLine(wrongClass.stderr, /`LlamaForCausalLM` is not a transformers class for model_type `bert` \(built here: BertModel, .*BertForMaskedLM/);
    const wrongTask = await run("google-bert/bert-base-cased", "--task", "make-coffee");
    expect(wrongTask.code).toBe(2);
    expectOneLine(wrongTask.stderr, /unknown task `make-coffee` \(one of: .*fill-mask/);
    const task = await run("google-bert/bert-base-cased", "--task", "token-classification", "--json");
    expect(JSON.parse(task.stdout).modelClass).toBe("BertForTokenClassification");
  });
});
