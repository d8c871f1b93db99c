// Task heads against the oracle: test/fixtures/reference/heads-4.47.jsonl holds what transformers 4.47 +
// accelerate 1.2.1 build (`--model-class X`: `X._from_config(config)` under init_empty_weights) for every head
// class registered for a model_type of the default-config reference, plus real configs built through accelerate's
// own `auto_map` choice (see the README beside it). Each record we build must match exactly; a class we do not
// build must be listed in test/heads-pending.txt, and leave it once it matches.
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { estimate } from "../src/core/estimate-all.js";
import { UnsupportedArchitectureError } from "../src/core/errors.js";
import { timmNameFromId } from "../src/hub/model-ref.js";
import { differences } from "./helpers/compare.js";
import { readJsonl, type ReferenceRecord } from "./helpers/reference.js";

interface HeadRecord extends ReferenceRecord {
  error?: string;
  oracle: { model_class_arg?: string | null };
}

const FILE = "heads-4.47.jsonl";
const records: HeadRecord[] = readJsonl<Omit<HeadRecord, "file">>(new URL(`fixtures/reference/${FILE}`, import.meta.url)).map((r) => ({ ...r, file: FILE }));

const pending = new Map<string, string>();
for (const line of readFileSync(new URL("heads-pending.txt", import.meta.url), "utf8").split("\n")) {
  const trimmed = line.trim();
  if (trimmed === "" || trimmed.startsWith("#")) continue;
  const [id, ...reason] = trimmed.split(/\s+/);
  if (id) pending.set(id, reason.join(" "));
}

function build(r: HeadRecord) {
  const cls = r.oracle.model_class_arg;
  return estimate(r.config, {
    model: r.id,
    library: r.library,
    ...(r.library === "timm" ? { timmModelName: timmNameFromId(r.id) } : {}),
    ...(cls ? { modelClass: cls } : {}),
  });
}

const built = records.filter((r) => !r.error);
let exact = 0;

describe("task heads (oracle records)", () => {
  it("lists only pending records that exist", () => {
    const ids = new Set(built.map((r) => r.id));
    expect([...pending.keys()].filter((id) => !ids.has(id))).toEqual([]);
  });

  it.each(built.map((r) => [r.id, r] as const))("%s", (id, record) => {
    let diffs: string[];
    try {
      diffs = differences(record, build(record));
    } catch (error) {
      // Not building a class is allowed only with a reason in heads-pending.txt, and only as a one-line refusal.
      expect(error).toBeInstanceOf(UnsupportedArchitectureError);
      diffs = [`not built: ${(error as Error).message}`];
    }
    if (diffs.length === 0) exact++;
    if (pending.has(id)) expect(diffs, `${id} now matches: remove it from test/heads-pending.txt`).not.toEqual([]);
    else expect(diffs).toEqual([]);
  });

  afterAll(() => {
    console.log(
      `heads: ${exact}/${built.length} exact (${records.length - built.length} more that transformers itself cannot build from the default config); ${pending.size} pending`,
    );
  });
});

describe("accelerate's choice and the user's", () => {
  const byId = (id: string, cls?: string) => {
    const r = records.find((x) => x.id === id && (x.oracle.model_class_arg ?? undefined) === cls);
    if (!r) throw new Error(`no record ${id} ${cls ?? ""}`);
    return r;
  };

  it("a falcon-7b-instruct config (its repository's auto_map) builds FalconForSequenceClassification", () => {
    const r = byId("tiiuae/falcon-7b-instruct");
    expect(r.expected.model_class).toBe("FalconForSequenceClassification");
    expect(build(r).modelClass).toBe("FalconForSequenceClassification");
  });

  it("--model-class LlamaForCausalLM on Llama-3.1-8B gives 8,030,261,248 parameters", () => {
    const r = byId("meta-llama/Llama-3.1-8B", "LlamaForCausalLM");
    expect(r.expected.param_count).toBe(8_030_261_248);
    // By hand: the base model (7,504,924,672 in the reference's hub record) + lm_head 128,256 × 4,096.
    expect(7_504_924_672 + 128_256 * 4096).toBe(8_030_261_248);
    expect(build(r).parameters).toBe(8_030_261_248);
  });

  it("num_labels comes from id2label (9 labels: a 768 × 9 classifier)", () => {
    const r = byId("bert-base-cased-9-labels", "BertForTokenClassification");
    const base = estimate(r.config, { model: "x", modelClass: "BertModel" }).parameters;
    // BertForTokenClassification drops the pooler (768 × 768 + 768) and adds a 768 → 9 classifier.
    expect(build(r).parameters).toBe(base - (768 * 768 + 768) + 768 * 9 + 9);
  });

  it("--task picks the pipeline's Auto class; an unknown task or class is one clear error", () => {
    const config = byId("meta-llama/Llama-3.1-8B", "LlamaForCausalLM").config;
    expect(estimate(config, { task: "text-generation" }).modelClass).toBe("LlamaForCausalLM");
    expect(estimate(config, { task: "sentiment-analysis" }).modelClass).toBe("LlamaForSequenceClassification");
    expect(() => estimate(config, { task: "no-such-task" })).toThrow(/unknown task `no-such-task` \(one of: .*text-generation/);
    expect(() => estimate(config, { modelClass: "BertForMaskedLM" })).toThrow(
      /`BertForMaskedLM` is not a transformers class for model_type `llama` \(built here: LlamaModel, LlamaForCausalLM/,
    );
    expect(() => estimate(config, { task: "image-classification" })).toThrow(/task `image-classification` has no class for model_type `llama`/);
  });
});
