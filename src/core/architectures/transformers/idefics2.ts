// transformers/models/idefics2/{configuration,modeling}_idefics2.py (4.47)
import { layerNorm, linear, rmsNorm } from "../../modules/blocks.js";
import { module, repeat } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { built, subConfig } from "./shared/build.js";
import { gatedMlp } from "./shared/decoder.js";
import { clipEncoder, clipVisionEmbeddings } from "./shared/clip-encoder.js";
import { fSubModel } from "./shared/nested-models.js";
import { llama } from "./llama.js";
import { mistral } from "./mistral.js";
import { qwen2 } from "./qwen2.js";

const VISION_DEFAULTS = {
  hidden_size: 768,
  intermediate_size: 3072,
  num_hidden_layers: 12,
  num_attention_heads: 12,
  num_channels: 3,
  image_size: 224,
  patch_size: 32,
  hidden_act: "gelu_pytorch_tanh",
  layer_norm_eps: 1e-6,
} as const;

const PERCEIVER_DEFAULTS = {
  hidden_act: "silu",
  hidden_size: 4096,
  rms_norm_eps: 1e-6,
  resampler_n_latents: 64,
  resampler_depth: 3,
  resampler_n_heads: 16,
  resampler_head_dim: 96,
  num_key_value_heads: 4,
} as const;

// Idefics2Config's text model when the file names none: Mistral with these overrides.
const TEXT_WHEN_ABSENT = { model_type: "mistral", max_position_embeddings: 4096 * 8, rms_norm_eps: 1e-5, pad_token_id: 0, tie_word_embeddings: false };

function perceiverLayer(p: Config, hidden: number) {
  const heads = p.positiveInt("resampler_n_heads");
  const kvHeads = p.positiveInt("num_key_value_heads");
  const dim = p.positiveInt("resampler_head_dim");
  return module("Idefics2PerceiverLayer", {
    children: {
      input_latents_norm: rmsNorm("Idefics2RMSNorm", hidden),
      input_context_norm: rmsNorm("Idefics2RMSNorm", hidden),
      self_attn: module("Idefics2PerceiverAttention", {
        children: {
          q_proj: linear(hidden, heads * dim, false),
          k_proj: linear(hidden, kvHeads * dim, false),
          v_proj: linear(hidden, kvHeads * dim, false),
          o_proj: linear(heads * dim, hidden, false),
        },
      }),
      post_attention_layernorm: rmsNorm("Idefics2RMSNorm", hidden),
      mlp: gatedMlp("Idefics2MLP", hidden, hidden * 4),
    },
  });
}

export const idefics2: TransformersArchitecture = {
  modelType: "idefics2",
  source: "transformers/models/idefics2/modeling_idefics2.py",
  config: { modelType: "idefics2", defaults: { image_token_id: 32001, tie_word_embeddings: false, use_cache: true } },
  models: {
    AutoModel: (c) => {
      const vision = subConfig(c, "vision_config", { modelType: "idefics2_vision", defaults: VISION_DEFAULTS });
      const perceiver = subConfig(c, "perceiver_config", { modelType: "idefics2_perceiver", defaults: PERCEIVER_DEFAULTS });
      const text = fSubModel(c, "text_config", [mistral, llama, qwen2], "AutoModel", "mistral", c.object("text_config") ? {} : TEXT_WHEN_ABSENT);
      const vHidden = vision.positiveInt("hidden_size");
      // The connector and resampler work at the text model's width.
      const tHidden = text.config.positiveInt("hidden_size");
      const visionModel = module("Idefics2VisionTransformer", {
        children: {
          // SigLIP-style patches: conv with bias, one position per patch, no position_ids buffer.
          embeddings: { ...clipVisionEmbeddings(vision, "Idefics2", { classToken: false }), buffers: [] },
          encoder: clipEncoder(vision, "Idefics2", { attentionCls: "Idefics2VisionAttention", mlpCls: "Idefics2VisionMLP" }),
          post_layernorm: layerNorm(vHidden),
        },
      });
      const connector = module("Idefics2Connector", {
        children: {
          // Gated MLP from the vision width up to the text width.
          modality_projection: module("Idefics2MLP", {
            children: {
              gate_proj: linear(vHidden, text.config.int("intermediate_size"), false),
              up_proj: linear(vHidden, text.config.int("intermediate_size"), false),
              down_proj: linear(text.config.int("intermediate_size"), tHidden, false),
            },
          }),
          perceiver_resampler: module("Idefics2PerceiverResampler", {
            params: { latents: [perceiver.int("resampler_n_latents"), tHidden] },
            children: {
              layers: repeat(perceiverLayer(perceiver, tHidden), perceiver.int("resampler_depth")),
              norm: rmsNorm("Idefics2RMSNorm", tHidden),
            },
          }),
        },
      });
      const model = module("Idefics2Model", { children: { vision_model: visionModel, connector, text_model: text.module } });
      return built(model, ["Idefics2VisionAttention", "Idefics2MLP", "Idefics2PerceiverLayer", "Idefics2DecoderLayer"]);
    },
  },
};
