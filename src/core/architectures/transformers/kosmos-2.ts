// transformers/models/kosmos2/{configuration,modeling}_kosmos2.py (4.47)
import { buffer, module, repeat, type Module } from "../../modules/module.js";
import { embedding, layerNorm, linear } from "../../modules/blocks.js";
import type { Config } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { built, subConfig } from "./shared/build.js";
import { clipAttention, clipVisionTransformer } from "./shared/clip-encoder.js";

const TEXT_SPEC = {
  modelType: "kosmos_2_text_model",
  defaults: {
    vocab_size: 65037,
    max_position_embeddings: 2048,
    embed_dim: 2048,
    layers: 24,
    ffn_dim: 8192,
    attention_heads: 32,
    activation_function: "gelu",
    layer_norm_eps: 1e-5,
    scale_embedding: true,
    use_cache: true,
    pad_token_id: 1,
    bos_token_id: 0,
    eos_token_id: 2,
  },
  attributeMap: { num_attention_heads: "attention_heads", hidden_size: "embed_dim", num_hidden_layers: "layers" },
};

const VISION_SPEC = {
  modelType: "kosmos_2_vision_model",
  defaults: {
    hidden_size: 1024,
    intermediate_size: 4096,
    num_hidden_layers: 24,
    num_attention_heads: 16,
    num_channels: 3,
    image_size: 224,
    patch_size: 14,
    hidden_act: "quick_gelu",
    layer_norm_eps: 1e-5,
  },
};

/** `KosmosTextAttention`: CLIP-order k/v/q/out projections, plus a LayerNorm before out_proj (MAGNETO) when asked. */
function textAttention(dim: number, innerNorm: boolean): Module {
  const base = clipAttention("", dim, { cls: "KosmosTextAttention" });
  return innerNorm ? { ...base, children: [...base.children, ["inner_attn_ln", layerNorm(dim)] as const] } : base;
}

function textTransformer(t: Config): Module {
  const dim = t.positiveInt("embed_dim");
  const ffn = t.int("ffn_dim");
  t.divisible("embed_dim", "attention_heads");
  const block = module("Kosmos2TextBlock", {
    children: {
      self_attn: textAttention(dim, true),
      self_attn_layer_norm: layerNorm(dim),
      encoder_attn: t.bool("add_cross_attention") && textAttention(dim, false),
      encoder_attn_layer_norm: t.bool("add_cross_attention") && layerNorm(dim),
      ffn: module("Kosmos2TextFFN", { children: { fc1: linear(dim, ffn), fc2: linear(ffn, dim), ffn_layernorm: layerNorm(ffn) } }),
      final_layer_norm: layerNorm(dim),
    },
  });
  return module("Kosmos2TextTransformer", {
    children: {
      embed_tokens: embedding(t.int("vocab_size"), dim),
      // Sinusoids for max_position_embeddings positions plus the 2-row padding offset, kept as a buffer.
      embed_positions: module("Kosmos2TextSinusoidalPositionalEmbedding", {
        buffers: { weights: buffer([t.int("max_position_embeddings") + 2, dim], "float32", false) },
      }),
      layers: repeat(block, t.int("layers")),
      layer_norm: layerNorm(dim),
    },
  });
}

export const kosmos2: TransformersArchitecture = {
  modelType: "kosmos-2",
  source: "transformers/models/kosmos2/modeling_kosmos2.py",
  config: { modelType: "kosmos-2", defaults: { latent_query_num: 64 } },
  models: {
    AutoModel: (c) => {
      const text = subConfig(c, "text_config", TEXT_SPEC);
      const vision = subConfig(c, "vision_config", VISION_SPEC);
      const dim = text.positiveInt("embed_dim");
      const p = "Kosmos2Vision";
      const model = module("Kosmos2Model", {
        children: {
          text_model: module("Kosmos2TextModel", { children: { model: textTransformer(text) } }),
          vision_model: module("Kosmos2VisionModel", {
            children: {
              model: clipVisionTransformer(vision, "Kosmos2", {
                layer: { encoderCls: `${p}Encoder`, layerCls: `${p}EncoderLayer`, attentionCls: `${p}Attention`, mlpCls: `${p}MLP` },
              }),
            },
          }),
          image_to_text_projection: module("Kosmos2ImageToTextProjection", {
            params: { latent_query: [c.int("latent_query_num"), dim] },
            children: { dense: linear(vision.positiveInt("hidden_size"), dim), x_attn: textAttention(dim, false) },
          }),
        },
      });
      return built(model, ["Kosmos2VisionEncoderLayer", "Kosmos2TextBlock"]);
    },
  },
};
