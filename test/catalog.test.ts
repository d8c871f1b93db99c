// The shipped catalog: every entry parses, says where it came from, builds with the engine (or is listed below as
// an architecture not supported yet), and every legacy alias points at an entry.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseConfigJson } from "../src/core/config/parse-json.js";
import { estimate } from "../src/core/estimate-all.js";

const CATALOG = new URL("../catalog/", import.meta.url);
const index = JSON.parse(readFileSync(new URL("index.json", CATALOG), "utf8")) as {
  models: Record<string, { file: string; library: "transformers" | "timm"; origin: string; rebuilt?: boolean }>;
  aliases: Record<string, string>;
};
const extra = JSON.parse(readFileSync(new URL("extra.json", CATALOG), "utf8")) as typeof index;

/** Entries whose architecture the engine does not build yet (model_type in parentheses). */
const NOT_SUPPORTED_YET: Record<string, string> = {
  "meta-llama/Llama-4-Scout-17B-16E-Instruct": "llama4 (multimodal wrapper)",
  "moonshotai/Kimi-K2-Instruct": "kimi_k2 (remote code)",
};

const entries = Object.entries(index.models);

describe("catalog", () => {
  it("ships about 300 configs, every one with a library, an origin and a file that parses", () => {
    expect(entries.length).toBeGreaterThanOrEqual(290);
    for (const [id, entry] of entries) {
      expect(entry.library, id).toMatch(/^(transformers|timm)$/);
      expect(entry.origin.length, id).toBeGreaterThan(10);
      expect(entry.file, id).toBe(`${id.replace("/", "--")}.json`);
      const url = new URL(`configs/${entry.file}`, CATALOG);
      expect(existsSync(url), id).toBe(true);
      const config = parseConfigJson(readFileSync(url, "utf8"), entry.file);
      expect(typeof config, id).toBe("object");
      if (entry.rebuilt) expect(entry.origin, id).toMatch(/rebuilt/);
    }
  });

  it("index.json is extra.json plus the reference's configs", () => {
    for (const [id, entry] of Object.entries(extra.models)) expect(index.models[id], id).toMatchObject(entry);
    expect(index.aliases).toEqual(extra.aliases);
  });

  it("builds every config with the engine, except the listed unsupported architectures", () => {
    let built = 0;
    const failures: string[] = [];
    for (const [id, entry] of entries) {
      const config = parseConfigJson(readFileSync(new URL(`configs/${entry.file}`, CATALOG), "utf8"), entry.file);
      try {
        const result = estimate(config, { model: id, library: entry.library });
        expect(result.parameters, id).toBeGreaterThan(0);
        expect(result.largestLayer.bytes, id).toBeGreaterThan(0);
        if (id in NOT_SUPPORTED_YET) failures.push(`${id} builds now: remove it from NOT_SUPPORTED_YET`);
        built++;
      } catch (error) {
        if (!(id in NOT_SUPPORTED_YET)) failures.push(`${id}: ${(error as Error).message}`);
      }
    }
    const real = entries.filter(([, e]) => !e.rebuilt).length;
    console.log(`catalog: ${built}/${entries.length} configs build (${real} real copies, ${entries.length - real} rebuilt; ${Object.keys(NOT_SUPPORTED_YET).length} not supported yet)`);
    expect(failures).toEqual([]);
    for (const id of Object.keys(NOT_SUPPORTED_YET)) expect(index.models[id], id).toBeDefined();
  });

  it("every alias points at an entry", () => {
    for (const [alias, target] of Object.entries(index.aliases)) {
      expect(index.models[target], `${alias} -> ${target}`).toBeDefined();
      expect(index.models[alias], `${alias} is both an alias and an entry`).toBeUndefined();
    }
  });

  it("the seed's idefics example matches Accelerate's own test (largest layer 3,240,165,632 bytes)", () => {
    const entry = index.models["HuggingFaceM4/idefics-80b-instruct"];
    expect(entry).toBeDefined();
    const config = parseConfigJson(readFileSync(new URL(`configs/${entry!.file}`, CATALOG), "utf8"), entry!.file);
    expect(estimate(config, { model: "HuggingFaceM4/idefics-80b-instruct" }).largestLayer.bytes).toBe(3240165632);
  });
});
