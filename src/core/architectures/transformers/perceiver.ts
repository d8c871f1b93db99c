// transformers/models/perceiver/{configuration,modeling}_perceiver.py (4.47)
import { layerNorm, linear } from "../../modules/blocks.js";
import { module, repeat, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import { InvalidConfigError } from "../../errors.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";

const DEFAULTS = {
  num_latents: 256,
  d_latents: 1280,
  d_model: 768,
  num_blocks: 1,
  num_self_attends_per_block: 26,
  num_self_attention_heads: 8,
  num_cross_attention_heads: 8,
  qk_channels: null,
  v_channels: null,
  cross_attention_shape_for_attention: "kv",
  self_attention_widening_factor: 1,
  cross_attention_widening_factor: 1,
  hidden_act: "gelu",
  use_query_residual: true,
  vocab_size: 262,
  max_position_embeddings: 2048,
  image_size: 56,
  train_size: [368, 496],
  num_frames: 16,
  audio_samples_per_frame: 1920,
  samples_per_patch: 16,
  output_shape: [1, 16, 224, 224],
  output_num_channels: 512,
  _label_trainable_num_channels: 1024,
} as const;

function perceiverLayer(c: Config, cross: boolean, heads: number, qDim: number, kvDim: number, widening: number): Module {
  let qk = c.optionalInt("qk_channels");
  // Cross-attention sizes q/k after the query (shape "q") or the inputs (shape "kv") when not given.
  if (qk === undefined) {
    if (!cross) qk = qDim;
    else {
      const shape = c.string("cross_attention_shape_for_attention");
      if (shape !== "q" && shape !== "kv") throw new InvalidConfigError(`${c.label}: unknown \`cross_attention_shape_for_attention\` ${shape}`, "cross_attention_shape_for_attention");
      qk = shape === "q" ? qDim : kvDim;
    }
  }
  const v = c.optionalInt("v_channels") ?? qk;
  if (qk % heads !== 0 || v % heads !== 0) throw new InvalidConfigError(`${c.label}: qk/v channels must be divisible by the head count`, "qk_channels");
  return module("PerceiverLayer", {
    children: {
      attention: module("PerceiverAttention", {
        children: {
          self: module("PerceiverSelfAttention", {
            children: {
              layernorm1: layerNorm(qDim),
              layernorm2: cross && layerNorm(kvDim),
              query: linear(qDim, qk),
              key: linear(kvDim, qk),
              value: linear(kvDim, v),
            },
          }),
          output: module("PerceiverSelfOutput", { children: { dense: linear(v, cross ? qDim : v) } }),
        },
      }),
      layernorm: layerNorm(qDim),
      mlp: module("PerceiverMLP", { children: { dense1: linear(qDim, widening * qDim), dense2: linear(widening * qDim, qDim) } }),
    },
  });
}

// AutoModel builds the bare PerceiverModel: no preprocessor, so the inputs are d_model wide, and no decoder.
export const perceiver: TransformersArchitecture = {
  modelType: "perceiver",
  source: "transformers/models/perceiver/modeling_perceiver.py",
  config: { modelType: "perceiver", defaults: DEFAULTS },
  models: {
    AutoModel: (c) => {
      const latents = c.positiveInt("d_latents");
      const model = module("PerceiverModel", {
        children: {
          embeddings: module("PerceiverEmbeddings", { params: { latents: [c.int("num_latents"), latents] } }),
          encoder: module("PerceiverEncoder", {
            children: {
              cross_attention: perceiverLayer(
                c, true, c.positiveInt("num_cross_attention_heads"), latents, c.positiveInt("d_model"), c.int("cross_attention_widening_factor"),
              ),
              self_attends: repeat(
                perceiverLayer(c, false, c.positiveInt("num_self_attention_heads"), latents, latents, c.int("self_attention_widening_factor")),
                c.int("num_self_attends_per_block"),
              ),
            },
          }),
        },
      });
      return built(model, null);
    },
  },
};
