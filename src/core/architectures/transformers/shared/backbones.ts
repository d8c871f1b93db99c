// Backbones built through `load_backbone(config)` (transformers/utils/backbone_utils.py, 4.47): AutoBackbone classes
// such as SwinBackbone (modeling_swin.py), MaskFormerSwinBackbone (modeling_maskformer_swin.py), ResNetBackbone.
import { layerNorm } from "../../../modules/blocks.js";
import { list, module, type Module } from "../../../modules/module.js";
import { resolveConfig, type Config, type ConfigSpec, type RawConfig } from "../../../config/config.js";
import { InvalidConfigError, UnsupportedArchitectureError } from "../../../errors.js";
import { resnet } from "../resnet.js";
import { swin } from "../swin.js";
import { swinEmbeddings, swinEncoder } from "./swin-blocks.js";

export interface Backbone {
  readonly module: Module;
  /** `backbone.channels`: the width of each feature map in `out_features`. */
  readonly channels: number[];
  readonly config: Config;
}

const SPECS: Readonly<Record<string, ConfigSpec>> = { swin: swin.config, resnet: resnet.config };

/**
 * The parent's `backbone_config` resolved with its own class (`CONFIG_MAPPING[model_type].from_dict`), or the
 * parent class's fallback dict when absent. A named hub/timm `backbone` would be downloaded: not supported.
 */
export function iBackboneConfig(parent: Config, fallback: RawConfig, specs: Readonly<Record<string, ConfigSpec>> = SPECS): Config {
  const given = parent.object("backbone_config");
  if (!given && parent.get("backbone") != null) {
    throw new UnsupportedArchitectureError(`${parent.label}: a backbone loaded by name (\`backbone\`) is not supported; give \`backbone_config\``, String(parent.get("backbone")));
  }
  const raw = (given ?? fallback) as RawConfig;
  const type = typeof raw.model_type === "string" ? raw.model_type : String(fallback.model_type);
  const spec = specs[type];
  if (!spec) throw new UnsupportedArchitectureError(`${parent.label}.backbone_config: a \`${type}\` backbone is not supported`, type);
  return resolveConfig({ ...raw, model_type: type }, spec, `${parent.label}.backbone_config`);
}

/** `stage_names` are ["stem", "stage1", …]; out_features/out_indices pick from them (default: the last stage). */
export function iOutIndices(c: Config, numStages: number): number[] {
  const names = ["stem", ...Array.from({ length: numStages }, (_, i) => `stage${i + 1}`)];
  const features = c.get("out_features");
  if (Array.isArray(features)) {
    return features.map((f) => {
      const i = names.indexOf(String(f));
      if (i < 0) throw new InvalidConfigError(`${c.label}: \`out_features\` has unknown stage ${String(f)}`, "out_features");
      return i;
    });
  }
  const indices = c.get("out_indices");
  if (Array.isArray(indices)) return indices.map((i) => (Number(i) < 0 ? names.length + Number(i) : Number(i)));
  return [numStages];
}

/** Swin stage widths: the stem is `embed_dim`, stage i is `embed_dim · 2^(i-1)`. */
function swinWidths(c: Config): number[] {
  const embed = c.positiveInt("embed_dim");
  return [embed, ...c.intList("depths").map((_, i) => Math.floor(embed * 2 ** i))];
}

/** SwinBackbone: embeddings and encoder (no final LayerNorm), then one LayerNorm per output stage, by name. */
export function iSwinBackbone(c: Config): Backbone {
  const widths = swinWidths(c);
  const out = iOutIndices(c, widths.length - 1);
  const norms = Object.fromEntries(out.map((i) => [i === 0 ? "stem" : `stage${i}`, layerNorm(widths[i] as number)]));
  return {
    module: module("SwinBackbone", {
      children: { embeddings: swinEmbeddings("Swin", c, false), encoder: swinEncoder("Swin", c, false), hidden_states_norms: module("ModuleDict", { children: norms }) },
    }),
    channels: out.map((i) => widths[i] as number),
    config: c,
  };
}

/** MaskFormerSwinBackbone: a whole MaskFormerSwinModel (with its LayerNorm), then a LayerNorm after every stage. */
export function iMaskFormerSwinBackbone(c: Config): Backbone {
  const widths = swinWidths(c);
  const out = iOutIndices(c, widths.length - 1);
  const embed = c.positiveInt("embed_dim");
  const model = module("MaskFormerSwinModel", {
    children: {
      embeddings: swinEmbeddings("MaskFormerSwin", c, false),
      encoder: swinEncoder("MaskFormerSwin", c, false),
      layernorm: layerNorm(widths[widths.length - 1] ?? embed),
    },
  });
  return {
    module: module("MaskFormerSwinBackbone", { children: { model, hidden_states_norms: list("ModuleList", ...widths.slice(1).map((w) => layerNorm(w))) } }),
    channels: out.map((i) => widths[i] as number),
    config: c,
  };
}

/** ResNetBackbone: the ResNetModel's embedder and encoder (its pooler holds nothing). */
export function iResNetBackbone(c: Config): Backbone {
  const model = resnet.models.AutoModel(c).module;
  const widths = [c.positiveInt("embedding_size"), ...c.intList("hidden_sizes")];
  const out = iOutIndices(c, widths.length - 1);
  return { module: module("ResNetBackbone", { children: Object.fromEntries(model.children) }), channels: out.map((i) => widths[i] as number), config: c };
}
