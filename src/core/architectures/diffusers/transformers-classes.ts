/**
 * The transformers classes diffusers pipelines load by name (`["transformers", "T5EncoderModel"]` in
 * model_index.json), built as that exact class — not as AutoModel. A class one of our architectures already
 * builds (through any of its Auto classes) is found by the class name it builds; the few classes pipelines use
 * that no Auto class gives are built here (transformers 4.47 modeling files cited per class).
 */
import { linear } from "../../modules/blocks.js";
import { module } from "../../modules/module.js";
import { resolveConfig, type Config, type RawConfig } from "../../config/config.js";
import { embedding } from "../../modules/blocks.js";
import type { ArchitectureLookup } from "../registry.js";
import type { ModelBuild, TransformersArchitecture } from "../types.js";
import { t5Stack, type T5Names } from "../transformers/t5.js";
import { clipTextTransformer, clipVisionTransformer } from "../transformers/shared/clip-encoder.js";
import { subConfig } from "../transformers/shared/build.js";
import { CLIP_VISION_DEFAULTS } from "../transformers/clip.js";

type ExtraBuilder = (c: Config, modelType: string) => ModelBuild | undefined;

const T5_NAMES: Readonly<Record<string, T5Names>> = {
  t5: { prefix: "T5" },
  mt5: { prefix: "MT5" },
  umt5: { prefix: "UMT5", biasInEveryLayer: true },
};

/** `T5EncoderModel` / `MT5EncoderModel` / `UMT5EncoderModel` (modeling_t5.py, modeling_umt5.py): shared + encoder. */
function t5Encoder(c: Config, modelType: string): ModelBuild | undefined {
  const names = T5_NAMES[modelType];
  if (!names) return undefined;
  const shared = embedding(c.int("vocab_size"), c.positiveInt("d_model"));
  return {
    module: module(`${names.prefix}EncoderModel`, { children: { shared, encoder: t5Stack(c, names, shared, false, c.int("num_layers")) } }),
    noSplitModules: [`${names.prefix}Block`],
  };
}

const EXTRA: Readonly<Record<string, ExtraBuilder>> = {
  T5EncoderModel: (c, t) => (t === "t5" ? t5Encoder(c, t) : undefined),
  MT5EncoderModel: (c, t) => (t === "mt5" ? t5Encoder(c, t) : undefined),
  UMT5EncoderModel: (c, t) => (t === "umt5" ? t5Encoder(c, t) : undefined),
  // modeling_clip.py: CLIPTextModelWithProjection = text_model + bias-free text_projection (SDXL's second encoder).
  CLIPTextModelWithProjection: (c, t) =>
    t === "clip_text_model"
      ? {
          module: module("CLIPTextModelWithProjection", {
            children: { text_model: clipTextTransformer(c, "CLIP"), text_projection: linear(c.positiveInt("hidden_size"), c.int("projection_dim"), false) },
          }),
          noSplitModules: ["CLIPTextEmbeddings", "CLIPEncoderLayer"],
        }
      : undefined,
  // CLIPVisionModelWithProjection: vision_model + visual_projection (Stable Video Diffusion's image encoder);
  // 4.47 gives this class no `_no_split_modules` (the oracle's record shows None), so its layers are leaves.
  CLIPVisionModelWithProjection: (c, t) =>
    t === "clip_vision_model"
      ? {
          module: module("CLIPVisionModelWithProjection", {
            children: { vision_model: clipVisionTransformer(c, "CLIP"), visual_projection: linear(c.positiveInt("hidden_size"), c.int("projection_dim"), false) },
          }),
          noSplitModules: null,
        }
      : undefined,
  // diffusers/pipelines/stable_diffusion/safety_checker.py: a CLIPVisionModel of the CLIPConfig's vision
  // config, its projection, and four fixed concept tables (parameters with requires_grad=False).
  StableDiffusionSafetyChecker: (c, t) => {
    if (t !== "clip") return undefined;
    const vision = subConfig(c, "vision_config", { modelType: "clip_vision_model", defaults: CLIP_VISION_DEFAULTS });
    const proj = c.int("projection_dim");
    return {
      module: module("StableDiffusionSafetyChecker", {
        params: { concept_embeds: [17, proj], special_care_embeds: [3, proj], concept_embeds_weights: [17], special_care_embeds_weights: [3] },
        children: {
          vision_model: module("CLIPVisionModel", { children: { vision_model: clipVisionTransformer(vision, "CLIP") } }),
          visual_projection: linear(vision.positiveInt("hidden_size"), proj, false),
        },
      }),
      noSplitModules: ["CLIPEncoderLayer"],
    };
  },
};

/** The arch's builders, each tried until one builds `className`. */
function viaAutoClasses(arch: TransformersArchitecture, c: Config, className: string): ModelBuild | undefined {
  for (const builder of Object.values(arch.models)) {
    if (!builder) continue;
    const built = builder(c);
    if (built.module.cls === className) return { ...built, config: c };
  }
  return undefined;
}

/**
 * Builds transformers class `className` from a component's config.json; undefined when neither the
 * architecture nor the class is one this package builds.
 */
export function buildTransformersClass(lookup: ArchitectureLookup, raw: RawConfig, className: string): ModelBuild | undefined {
  const modelType = raw.model_type;
  if (typeof modelType !== "string") return undefined;
  const arch = lookup(modelType);
  if (!arch) return undefined;
  const config = resolveConfig(raw, arch.config);
  return EXTRA[className]?.(config, modelType) ?? viaAutoClasses(arch, config, className);
}
