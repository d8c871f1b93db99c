// Real configs to mutate: every config shipped in catalog/ and every transformers default config of the reference.
import { readFileSync } from "node:fs";
import { parseConfigJson } from "../../src/core/config/parse-json.js";
import type { Library } from "../../src/core/estimate.js";

export interface SeedConfig {
  readonly id: string;
  readonly library: Library;
  readonly config: Record<string, unknown>;
  /** `timm/NAME.TAG` ids: the registered model name, as the CLI passes it. */
  readonly timmModelName?: string;
}

const root = new URL("../../", import.meta.url);

export function loadSeedConfigs(): SeedConfig[] {
  const seeds: SeedConfig[] = [];
  const index = JSON.parse(readFileSync(new URL("catalog/index.json", root), "utf8")) as {
    models: Record<string, { file: string; library: Library }>;
  };
  for (const [id, entry] of Object.entries(index.models)) {
    const path = new URL(`catalog/configs/${entry.file}`, root);
    const config = parseConfigJson(readFileSync(path, "utf8"), entry.file) as Record<string, unknown>;
    const timm = /^timm\/([^./]+)/.exec(id)?.[1];
    seeds.push({ id, library: entry.library, config, ...(timm ? { timmModelName: timm } : {}) });
  }
  const defaults = readFileSync(new URL("test/fixtures/reference/transformers-default-configs.jsonl", root), "utf8");
  for (const line of defaults.split("\n")) {
    if (line.trim() === "") continue;
    // The reference is written by Python's json: `Infinity` appears (mamba2's time_step_limit).
    const record = parseConfigJson(line, "transformers-default-configs.jsonl") as { id: string; config: Record<string, unknown> };
    seeds.push({ id: record.id, library: "transformers", config: record.config });
  }
  return seeds;
}
