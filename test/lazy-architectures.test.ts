// Architectures on demand: the generated manifest is current, the families loaded for a config are enough to
// estimate it exactly as the estimator holding every architecture does, and the CLI loads no family it does not
// need (checked on the built chunks).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { generateArchitectureTables } from "../scripts/generate-architectures.js";
import { createEstimator, type EstimateOptions } from "../src/core/estimate.js";
import { estimate, supportedArchitectures } from "../src/core/estimate-all.js";
import { familiesFor, loadArchitecturesFor, loadPlanner, supportedArchitectures as manifestArchitectures } from "../src/core/load-architectures.js";
import { timmNameFromId } from "../src/hub/model-ref.js";
import { loadAllReference } from "./helpers/reference.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const records = loadAllReference();

describe("the generated architecture tables", () => {
  it("are what scripts/generate-architectures.ts writes from the architecture files (else: npm run build)", async () => {
    for (const [path, text] of await generateArchitectureTables()) {
      expect(readFileSync(join(ROOT, path), "utf8"), `${path} is stale`).toBe(text);
    }
  }, 60_000);

  it("name every architecture the eager estimator builds, and no other", () => {
    expect(manifestArchitectures()).toEqual(supportedArchitectures());
  });
});

/** The outcome as the CLI would show it: the result, or the error's class and message. */
function outcome(run: () => unknown): unknown {
  try {
    return run();
  } catch (error) {
    return { error: (error as Error).name, message: (error as Error).message };
  }
}

describe("the Planner loads only for plans", () => {
  it("an estimator without it answers plain estimates and refuses plans in one line", async () => {
    const bert = records.find((r) => r.id === "bert")!;
    const bare = createEstimator(await loadArchitecturesFor(bert.config));
    expect(bare.estimate(bert.config).parameters).toBe(estimate(bert.config).parameters);
    expect(() => bare.estimate(bert.config, { plan: { inference: true } })).toThrow(/no Planner/);
  });
});

describe("loading only the families a config needs", () => {
  // Each record gets an estimator holding only what was loaded for it: a family it needs and does not load
  // (a nested text_config's defaults for the planner, an encoder's sub-model) shows up as a difference.
  it.each(records.map((r) => [`${r.file}:${r.id}`, r] as const))("%s: same answer as with every architecture", async (_, r) => {
    const options: EstimateOptions = { model: r.id, library: r.library, ...(timmNameFromId(r.id) ? { timmModelName: timmNameFromId(r.id) as string } : {}) };
    // The Planner is a chunk of its own too: the plans below need it given.
    const lazy = createEstimator(await loadArchitecturesFor(r.config, options), { planner: await loadPlanner() });
    expect(outcome(() => lazy.estimate(r.config, options))).toEqual(outcome(() => estimate(r.config, options)));
    if (r.library === "transformers") {
      const planned = { ...options, plan: { inference: true, seqLen: 4096 } };
      expect(outcome(() => lazy.estimate(r.config, planned))).toEqual(outcome(() => estimate(r.config, planned)));
    }
  });

  it("loads one family for a plain config, and the wrapper's text model for a VLM", () => {
    expect(familiesFor({ model_type: "bert" }).map((f) => f.file)).toEqual(["transformers/bert"]);
    // Gemma 3 takes its text model's defaults from gemma3_text (a family file of its own).
    expect(familiesFor({ model_type: "gemma3", text_config: {} }).map((f) => f.file).sort()).toEqual(["transformers/gemma3", "transformers/gemma3-text"]);
    // A config without model_type names its type in the model id (AutoConfig's fallback).
    expect(familiesFor({ architectures: ["AlbertForMaskedLM"] }, { model: "albert/albert-base-v2" }).map((f) => f.file)).toEqual(["transformers/albert"]);
    expect(familiesFor({ architecture: "resnet50" }).map((f) => f.file)).toEqual(["timm/resnet"]);
    expect(familiesFor({ model_type: "no-such-type" })).toEqual([]);
  });
});

describe("the CLI loads only the chunks it needs", () => {
  const tmp = mkdtempSync(join(tmpdir(), "em-imports-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const familyChunks = JSON.parse(readFileSync(join(ROOT, "dist/family-chunks.json"), "utf8")) as Record<string, string>;

  /** The architecture families whose chunks a CLI run imports. */
  const familiesLoadedBy = (args: string[], name: string): string[] => {
    const log = join(tmp, `${name}.log`);
    const run = spawnSync(process.execPath, ["--import", "./test/helpers/import-log.mjs", "bin/estimate-memory.js", ...args], {
      cwd: ROOT,
      env: { ...process.env, IMPORT_LOG: log, HF_HUB_OFFLINE: "1", HF_HOME: join(tmp, "hf") },
      encoding: "utf8",
    });
    expect(run.status, run.stderr).toBe(0);
    const urls = readFileSync(log, "utf8").split("\n").filter(Boolean);
    expect(urls.some((u) => u.endsWith("/dist/cli.js")), "the log records the CLI's own modules").toBe(true);
    return urls.flatMap((u) => {
      const family = familyChunks[u.replace(/^.*\/dist\//, "")];
      return family ? [family] : [];
    });
  };

  it("has one chunk per family file", () => {
    expect(new Set(Object.values(familyChunks)).size).toBe(Object.values(familyChunks).length);
    expect(Object.values(familyChunks)).toContain("transformers/bert");
  });

  it.each([["--version"], ["--help"], ["--list-gpus"], ["--list"]])("%s loads no architecture", (flag) => {
    expect(familiesLoadedBy([flag], flag.slice(2))).toEqual([]);
  });

  it("--version alone (answered before the CLI loads) prints package.json's version, as `--version --json` does", () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    for (const args of [["--version"], ["--version", "--json"]]) {
      expect(spawnSync(process.execPath, ["bin/estimate-memory.js", ...args], { cwd: ROOT, encoding: "utf8" }).stdout).toBe(`${version}\n`);
    }
  });

  it("bert-base-cased loads BERT's family and nothing else; the Planner's chunk comes with a plan", () => {
    expect(familiesLoadedBy(["bert-base-cased"], "bert")).toEqual(["transformers/bert"]);
    expect(familiesLoadedBy(["bert-base-cased", "--inference"], "bert-plan").sort()).toEqual(["planner", "transformers/bert"]);
  });
});
