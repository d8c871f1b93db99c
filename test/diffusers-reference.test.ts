// Every record of test/fixtures/reference/diffusers-components.jsonl (vendored from the shared reference: diffusers
// 0.40.0.dev0 @ 58eb52c + accelerate 1.15, built with `ModelClass.from_config` under `init_empty_weights`) against
// our module trees: class, parameters, buffer bytes, total, largest layer (bytes and names), `_no_split_modules`.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { estimate } from "../src/core/estimate-all.js";
import { readJsonl } from "./helpers/reference.js";
import { buildComponent } from "../src/core/pipeline.js";
import { ALL_ARCHITECTURES } from "../src/core/estimate-all.js";
import { ArchitectureRegistry } from "../src/core/architectures/registry.js";

const registry = new ArchitectureRegistry(ALL_ARCHITECTURES);
import { moduleSize } from "../src/core/measure/sizes.js";
import { largestLayer } from "../src/core/measure/largest-layer.js";

interface DiffusersRecord {
  id: string;
  class_name: string;
  config: Record<string, unknown>;
  expected: {
    model_class: string;
    param_count: number;
    buffer_bytes: number;
    total_size_bytes: number;
    largest_layer_bytes: number;
    largest_layer_names: string[];
    no_split_modules_raw: string[] | null;
    top_modules: Record<string, number>;
  };
}

const file = fileURLToPath(new URL("./fixtures/reference/diffusers-components.jsonl", import.meta.url));
const records = readJsonl<DiffusersRecord>(file);

let exact = 0;

describe("diffusers reference records", () => {
  it("has the 27 records", () => expect(records.length).toBe(27));

  it.each(records.map((r) => [r.id, r] as const))("%s", (_id, r) => {
    const result = estimate(r.config, { model: r.id, library: "diffusers" });
    const e = r.expected;
    expect({
      modelClass: result.modelClass,
      parameters: result.parameters,
      bufferBytes: result.bufferBytes,
      totalBytes: result.totalBytes,
      largestLayerBytes: result.largestLayer.bytes,
      largestLayerNames: result.largestLayer.names,
      noSplitModules: result.noSplitModules,
    }).toEqual({
      modelClass: e.model_class,
      parameters: e.param_count,
      bufferBytes: e.buffer_bytes,
      totalBytes: e.total_size_bytes,
      largestLayerBytes: e.largest_layer_bytes,
      largestLayerNames: e.largest_layer_names,
      noSplitModules: e.no_split_modules_raw,
    });
    exact++;
  });

  afterAll(() => console.log(`diffusers reference: ${exact}/${records.length} exact`));
});

// Every weight-holding component config of the shipped pipelines (catalog/pipelines) that the 27 records above do not
// already cover, measured by the oracle kit (diffusers 0.40.0.dev0 @ 58eb52c + accelerate 1.15 for
// diffusers classes; transformers 4.47 + accelerate 1.2.1 with `--model-class` for the text and image encoders; each
// record's `oracle` field holds its versions), built as the pipeline builds it: the class model_index.json names.
interface ComponentRecord extends DiffusersRecord {
  library: "diffusers" | "transformers";
  oracle: { model_class_arg: string };
  expected: DiffusersRecord["expected"] & { no_split_modules?: string[] | null };
}
const componentFile = fileURLToPath(new URL("./fixtures/reference/pipeline-components.jsonl", import.meta.url));
const components = readJsonl<ComponentRecord>(componentFile);
let componentsExact = 0;

describe("pipeline component records (oracle)", () => {
  it.each(components.map((r) => [r.id, r] as const))("%s", (_id, r) => {
    // The class the oracle was asked to build (`--model-class`, recorded in `oracle.model_class_arg`).
    const modelClass = r.library === "diffusers" ? String(r.config._class_name) : r.oracle.model_class_arg;
    const built = buildComponent(registry, { name: "component", library: r.library, modelClass }, r.config);
    const size = moduleSize(built.module);
    const largest = largestLayer(built.module, built.noSplitModules ?? []);
    const e = r.expected;
    expect({
      modelClass: built.module.cls,
      parameters: size.parameters,
      bufferBytes: size.bufferBytes,
      totalBytes: size.bytes,
      largestLayerBytes: largest.bytes,
      largestLayerNames: largest.names,
      noSplitModules: built.noSplitModules,
    }).toEqual({
      modelClass: e.model_class,
      parameters: e.param_count,
      bufferBytes: e.buffer_bytes,
      totalBytes: e.total_size_bytes,
      largestLayerBytes: e.largest_layer_bytes,
      largestLayerNames: e.largest_layer_names,
      noSplitModules: r.library === "diffusers" ? e.no_split_modules_raw : (e.no_split_modules ?? null),
    });
    componentsExact++;
  });

  it("StableDiffusionSafetyChecker (no oracle path: a diffusers pipeline module on a CLIPConfig) by hand", () => {
    const config = JSON.parse(readFileSync(new URL("../catalog/pipelines/stable-diffusion-v1-5--stable-diffusion-v1-5/safety_checker/config.json", import.meta.url), "utf8"));
    const built = buildComponent(registry, { name: "safety_checker", library: "stable_diffusion", modelClass: "StableDiffusionSafetyChecker" }, config);
    // CLIP ViT-L/14 vision tower (1024 wide, 24 layers, 4096 MLP, 14-pixel patches of 224² images → 257 positions):
    // class embedding, bias-free patch conv, positions, pre-norm, layers, post-norm; then the 1024→768 projection
    // and the fixed concept tables (17 + 3 embeddings of 768, their 17 + 3 weights).
    const layer = 4 * (1024 * 1024 + 1024) + 2 * 2048 + (1024 * 4096 + 4096) + (4096 * 1024 + 1024);
    const vision = 1024 + 3 * 1024 * 14 * 14 + 257 * 1024 + 2048 + 24 * layer + 2048;
    expect(moduleSize(built.module).parameters).toBe(vision + 1024 * 768 + 17 * 768 + 3 * 768 + 17 + 3);
  });

  afterAll(() => console.log(`pipeline component records: ${componentsExact}/${components.length} exact`));
});

describe("diffusers configs that cannot be built", () => {
  it.each([
    [{ _class_name: "StableCascadeUNet", down_num_layers_per_block: [1e9, 1] }, /1000000000 blocks/],
    [{ _class_name: "AutoencoderKLWan", num_res_blocks: 1e9 }, /1000000000 blocks/],
    [{ _class_name: "UNet2DConditionModel", layers_per_block: 1e9 }, /blocks: more than/],
    [{ _class_name: "FluxTransformer2DModel", num_layers: 1e12 }, /too large to count exactly/],
    [{ _class_name: "UNet2DConditionModel", down_block_types: ["FancyDownBlock2D"], up_block_types: ["UpBlock2D"], block_out_channels: [320] }, /down block `FancyDownBlock2D` is not supported/],
    [{ _class_name: "NoSuchModel" }, /diffusers class `NoSuchModel` is not supported/],
  ])("%j → one error line", (config, message) => {
    expect(() => estimate(config)).toThrow(message);
  });
});
