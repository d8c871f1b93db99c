// transformers/models/blip_2/{configuration,modeling}_blip_2.py (4.47)
import { layerNorm, linear } from "../../modules/blocks.js";
import { module, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { built, subConfig } from "./shared/build.js";
import { fIndexedList, fSubModel } from "./shared/nested-models.js";
import { blipVisionModel } from "./blip.js";
import { llama } from "./llama.js";
import { mistral } from "./mistral.js";
import { opt } from "./opt.js";
import { qwen2 } from "./qwen2.js";

const VISION_DEFAULTS = {
  hidden_size: 1408,
  intermediate_size: 6144,
  num_hidden_layers: 39,
  num_attention_heads: 16,
  image_size: 224,
  patch_size: 14,
  hidden_act: "gelu",
  layer_norm_eps: 1e-6,
  qkv_bias: true,
} as const;

const QFORMER_DEFAULTS = {
  vocab_size: 30522,
  hidden_size: 768,
  num_hidden_layers: 12,
  num_attention_heads: 12,
  intermediate_size: 3072,
  hidden_act: "gelu",
  max_position_embeddings: 512,
  layer_norm_eps: 1e-12,
  pad_token_id: 0,
  position_embedding_type: "absolute",
  cross_attention_frequency: 2,
  encoder_hidden_size: 1408,
  use_qformer_text_input: false,
} as const;

// The language models a BLIP-2 config may name that are ported as causal LMs (T5 variants are not yet).
const LANGUAGE_MODELS = [opt, llama, mistral, qwen2];

function qformerAttention(c: Config, kvWidth: number): Module {
  const hidden = c.positiveInt("hidden_size");
  c.divisible("hidden_size", "num_attention_heads");
  return module("Blip2QFormerAttention", {
    children: {
      attention: module("Blip2QFormerMultiHeadAttention", {
        children: { query: linear(hidden, hidden), key: linear(kvWidth, hidden), value: linear(kvWidth, hidden) },
      }),
      output: module("Blip2QFormerSelfOutput", { children: { dense: linear(hidden, hidden), LayerNorm: layerNorm(hidden) } }),
    },
  });
}

/** The Q-Former: a BERT-style stack without embeddings; every `cross_attention_frequency`-th layer cross-attends. */
export function blip2QFormer(c: Config): Module {
  const hidden = c.positiveInt("hidden_size");
  const inter = c.int("intermediate_size");
  const freq = c.positiveInt("cross_attention_frequency");
  const ffn = (name: string) => ({
    [`intermediate${name}`]: module("Blip2QFormerIntermediate", { children: { dense: linear(hidden, inter) } }),
    [`output${name}`]: module("Blip2QFormerOutput", { children: { dense: linear(inter, hidden), LayerNorm: layerNorm(hidden) } }),
  });
  const layer = (i: number) =>
    module("Blip2QFormerLayer", {
      children: {
        attention: qformerAttention(c, hidden),
        crossattention: i % freq === 0 && qformerAttention(c, c.int("encoder_hidden_size")),
        ...(c.bool("use_qformer_text_input") ? ffn("") : {}),
        ...ffn("_query"),
      },
    });
  const n = c.int("num_hidden_layers");
  return module("Blip2QFormerModel", {
    children: {
      layernorm: layerNorm(hidden),
      encoder: module("Blip2QFormerEncoder", { children: { layer: fIndexedList(n, (i) => String(i % freq === 0), layer) } }),
    },
  });
}

export const blip2: TransformersArchitecture = {
  modelType: "blip-2",
  source: "transformers/models/blip_2/modeling_blip_2.py",
  config: { modelType: "blip-2", defaults: { num_query_tokens: 32, image_text_hidden_size: 256, image_token_index: null } },
  models: {
    AutoModel: (c) => {
      const vision = subConfig(c, "vision_config", { modelType: "blip_2_vision_model", defaults: VISION_DEFAULTS });
      const qformer = subConfig(c, "qformer_config", { modelType: "blip_2_qformer", defaults: QFORMER_DEFAULTS });
      // Blip2Config makes the Q-Former cross-attend to the vision tower's width.
      qformer.set("encoder_hidden_size", vision.positiveInt("hidden_size"));
      // The reference (4.47 on the meta device) counts the nested LM's lm_head apart from its input embedding:
      // the tie made inside the nested model does not survive, so build it untied.
      const lm = fSubModel(c, "text_config", LANGUAGE_MODELS, "AutoModelForCausalLM", "opt", { tie_word_embeddings: false });
      const qHidden = qformer.positiveInt("hidden_size");
      const model = module("Blip2Model", {
        params: { query_tokens: [1, c.int("num_query_tokens"), qHidden] },
        children: {
          vision_model: blipVisionModel(vision, "Blip2", vision.bool("qkv_bias")),
          qformer: blip2QFormer(qformer),
          language_projection: linear(qHidden, lm.config.positiveInt("hidden_size")),
          language_model: lm.module,
        },
      });
      return built(model, ["Blip2Attention", "Blip2QFormerMultiHeadAttention", "Blip2TextEmbeddings", "T5Block", "OPTDecoderLayer"]);
    },
  },
};
