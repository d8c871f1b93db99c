// transformers/models/udop/{configuration,modeling}_udop.py (4.47)
import { conv2d, embedding, rmsNorm } from "../../modules/blocks.js";
import { alias, list, module, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import { InvalidConfigError } from "../../errors.js";
import type { TransformersArchitecture } from "../types.js";
import { T5_CONFIG, deriveT5 } from "./t5.js";
import { t5StyleAttention, t5StyleDense, t5StyleStack } from "./shared/t5-style.js";
import { pair } from "./vit.js";
import { built } from "./shared/build.js";

const P = "Udop";
const BIAS_CLASSES: Record<string, string> = {
  "1d": "RelativePositionBias1D",
  horizontal: "RelativePositionBiasHorizontal",
  vertical: "RelativePositionBiasVertical",
};

/**
 * `RelativePositionBiasAggregated`: one bucket table per `relative_bias_args` entry. The 1D one is "tied" to block 0's
 * table by reassigning its weight, which accelerate's empty init un-ties: every table weighs in full.
 */
function relativeBias(c: Config): Module {
  const heads = c.positiveInt("num_heads");
  const biases = c.list("relative_bias_args").map((raw, i) => {
    const args = (raw ?? {}) as Record<string, unknown>;
    const cls = BIAS_CLASSES[String(args.type)];
    if (!cls) throw new InvalidConfigError(`${c.label}: \`relative_bias_args[${i}].type\` must be 1d, horizontal or vertical`, "relative_bias_args");
    if (args.num_heads !== undefined && args.num_heads !== heads) {
      throw new InvalidConfigError(`${c.label}: \`relative_bias_args[${i}].num_heads\` must match \`num_heads\``, "relative_bias_args");
    }
    const buckets = typeof args.relative_attention_num_buckets === "number" ? args.relative_attention_num_buckets : 32;
    const extra = args.prefix_bucket && !args.expand ? 2 : 0;
    return module(cls, { children: { relative_attention_bias: embedding(buckets + extra, heads) } });
  });
  return module("RelativePositionBiasAggregated", { children: { biases: list("ModuleList", ...biases) } });
}

function stack(c: Config, shared: Module, patches: Module | null, decoder: boolean): Module {
  const d = c.positiveInt("d_model");
  const norm = () => rmsNorm(`${P}LayerNorm`, d);
  const maxCell = c.int("max_2d_position_embeddings");
  return t5StyleStack(c, {
    prefix: P,
    decoder,
    layers: c.int(decoder ? "num_decoder_layers" : "num_layers"),
    shared,
    tokens: "module",
    selfAttention: (i) => module(`${P}LayerSelfAttention`, { children: { SelfAttention: t5StyleAttention(c, `${P}Attention`, i === 0), layer_norm: norm() } }),
    feedForward: () => module(`${P}LayerFF`, { children: { DenseReluDense: t5StyleDense(c, P), layer_norm: norm() } }),
    blockKey: (i) => (i === 0 ? "first" : "rest"),
    afterTokens: { embed_patches: patches !== null && alias(patches) },
    extras: {
      cell_2d_embedding: !decoder && module(`${P}CellEmbeddings`, { children: { x_position_embeddings: embedding(maxCell, d), y_position_embeddings: embedding(maxCell, d) } }),
      relative_bias: relativeBias(c),
    },
  });
}

function udopModel(c: Config): Module {
  const d = c.positiveInt("d_model");
  const shared = embedding(c.int("vocab_size"), d);
  const patchEmbed = module(`${P}PatchEmbeddings`, { children: { proj: conv2d(c.positiveInt("num_channels"), d, pair(c, "patch_size")) } });
  return module(`${P}Model`, {
    children: { shared, patch_embed: patchEmbed, encoder: stack(c, shared, patchEmbed, false), decoder: stack(c, shared, null, true) },
  });
}

export const udop: TransformersArchitecture = {
  modelType: "udop",
  source: "transformers/models/udop/modeling_udop.py",
  config: {
    modelType: "udop",
    defaults: {
      ...T5_CONFIG.defaults,
      vocab_size: 33201,
      d_model: 1024,
      d_ff: 4096,
      num_layers: 24,
      num_heads: 16,
      relative_bias_args: [{ type: "1d" }, { type: "horizontal" }, { type: "vertical" }],
      max_2d_position_embeddings: 1024,
      image_size: 224,
      patch_size: 16,
      num_channels: 3,
    },
    attributeMap: T5_CONFIG.attributeMap,
    derive: deriveT5,
  },
  models: { AutoModel: (c) => built(udopModel(c), null) },
};
