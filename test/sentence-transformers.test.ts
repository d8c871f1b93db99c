// sentence-transformers folders (modules.json): backbone + modules with weights, one SentenceTransformer.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { estimate } from "../src/core/estimate-all.js";

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const home = mkdtempSync(join(tmpdir(), "estimate-memory-st-home-"));
  temps.push(home);
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { HF_HUB_OFFLINE: "1", HF_HOME: home } });
  return { code, stdout, stderr };
}

const MINILM = JSON.parse(readFileSync(new URL("../catalog/configs/sentence-transformers--all-MiniLM-L6-v2.json", import.meta.url), "utf8"));

function folder(modules: object[], extra: Record<string, object> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "estimate-memory-st-"));
  temps.push(dir);
  writeFileSync(join(dir, "modules.json"), JSON.stringify(modules));
  writeFileSync(join(dir, "config.json"), JSON.stringify(MINILM));
  for (const [path, config] of Object.entries(extra)) {
    mkdirSync(join(dir, path), { recursive: true });
    writeFileSync(join(dir, path, "config.json"), JSON.stringify(config));
  }
  return dir;
}

// BertModel, 384 wide, 6 layers, 1536 MLP, 30522 tokens, 512 positions, 2 token types, with its pooler:
// embeddings (+ LayerNorm) + 6 × (q, k, v, o with biases, 2 LayerNorms, 384→1536→384 MLP) + pooler.
const MINILM_L6 = 30522 * 384 + 512 * 384 + 2 * 384 + 768 + 6 * (4 * (384 * 384 + 384) + 2 * 768 + (384 * 1536 + 1536) + (1536 * 384 + 384)) + (384 * 384 + 384);

describe("sentence-transformers", () => {
  it("Transformer + Pooling + Normalize: the backbone alone (Pooling and Normalize hold no weights)", async () => {
    const dir = folder([
      { idx: 0, name: "0", path: "", type: "sentence_transformers.models.Transformer" },
      { idx: 1, name: "1", path: "1_Pooling", type: "sentence_transformers.models.Pooling" },
      { idx: 2, name: "2", path: "2_Normalize", type: "sentence_transformers.models.Normalize" },
    ]);
    const { code, stdout } = await run(dir, "--json");
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ library: "sentence-transformers", modelClass: "SentenceTransformer", parameters: MINILM_L6 });
    expect(result.modules.map((m: { bytes: number }) => m.bytes).slice(1)).toEqual([0, 0]);
  });

  it("a Dense module adds in × out + bias", async () => {
    const dir = folder(
      [
        { idx: 0, name: "0", path: "", type: "sentence_transformers.models.Transformer" },
        { idx: 1, name: "1", path: "1_Pooling", type: "sentence_transformers.models.Pooling" },
        { idx: 2, name: "2", path: "2_Dense", type: "sentence_transformers.models.Dense" },
      ],
      { "2_Dense": { in_features: 384, out_features: 256, bias: true, activation_function: "torch.nn.modules.activation.Tanh" } },
    );
    const result = JSON.parse((await run(dir, "--json")).stdout);
    expect(result.parameters).toBe(MINILM_L6 + 384 * 256 + 256);
    expect(result.totalBytes - estimate(MINILM).totalBytes).toBe((384 * 256 + 256) * 4);
  });

  it("an unknown module type or a missing module config is one line, exit 1", async () => {
    const unknown = folder([
      { idx: 0, name: "0", path: "", type: "sentence_transformers.models.Transformer" },
      { idx: 1, name: "1", path: "1_CNN", type: "sentence_transformers.models.CNN" },
    ]);
    const a = await run(unknown);
    expect(a.code).toBe(1);
    expect(a.stderr).toMatch(/^error: .*`sentence_transformers\.models\.CNN` is not supported yet\n$/);
    const missing = folder([
      { idx: 0, name: "0", path: "", type: "sentence_transformers.models.Transformer" },
      { idx: 1, name: "1", path: "1_Dense", type: "sentence_transformers.models.Dense" },
    ]);
    const b = await run(missing);
    expect(b.code).toBe(1);
    expect(b.stderr).toMatch(/^error: .*module 1 \(Dense\): `1_Dense\/config.json` is missing\n$/);
  });
});

describe("shipped sentence-transformers models (catalog/sentence-transformers)", () => {
  const root = new URL("../catalog/sentence-transformers/", import.meta.url);
  const index = JSON.parse(readFileSync(new URL("index.json", root), "utf8")).models as Record<string, { dir: string; files: Record<string, { origin: string }> }>;

  it("ship at least 10, each file with its origin", () => {
    expect(Object.keys(index).length).toBeGreaterThanOrEqual(10);
    for (const [id, entry] of Object.entries(index)) {
      expect(Object.keys(entry.files).sort(), id).toEqual(["config.json", "modules.json"]);
      for (const meta of Object.values(entry.files)) expect(meta.origin.length).toBeGreaterThan(10);
    }
  });

  it.each(Object.keys(index).map((id) => [id]))("%s builds offline as a SentenceTransformer", async (id) => {
    const { code, stdout } = await run(id, "--json");
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    const backbone = estimate(JSON.parse(readFileSync(new URL(`${index[id]!.dir}/config.json`, root), "utf8")));
    // Transformer + Pooling (+ Normalize): the backbone's weights, nothing more.
    expect(result).toMatchObject({ library: "sentence-transformers", parameters: backbone.parameters, totalBytes: backbone.totalBytes });
  });

  it("all-MiniLM-L6-v2 is the hand count above", async () => {
    expect(JSON.parse((await run("sentence-transformers/all-MiniLM-L6-v2", "--json")).stdout).parameters).toBe(MINILM_L6);
  });
});
