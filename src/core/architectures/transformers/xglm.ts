// transformers/models/xglm/{configuration,modeling}_xglm.py (4.47)
import type { Config } from "../../config/config.js";
import { embedding, layerNorm } from "../../modules/blocks.js";
import { buffer, module, repeat, type Module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { fairseqDecoderLayer, lmHead } from "./shared/fairseq-decoder.js";

function model(c: Config): Module {
  const dim = c.positiveInt("d_model");
  c.divisible("d_model", "attention_heads");
  const layer = fairseqDecoderLayer({ prefix: "XGLM", dim, ffn: c.int("ffn_dim"), crossAttention: c.bool("add_cross_attention") });
  return module("XGLMModel", {
    children: {
      embed_tokens: embedding(c.int("vocab_size"), dim, "XGLMScaledWordEmbedding"),
      // Sinusoidal table as a non-persistent float buffer, with fairseq's 2-row padding offset.
      embed_positions: module("XGLMSinusoidalPositionalEmbedding", {
        buffers: { weights: buffer([c.int("max_position_embeddings") + 2, dim], "float32", false) },
      }),
      layers: repeat(layer, c.int("num_layers")),
      layer_norm: layerNorm(dim),
    },
  });
}

const NO_SPLIT = ["XGLMDecoderLayer"];

export const xglm: TransformersArchitecture = {
  modelType: "xglm",
  source: "transformers/models/xglm/modeling_xglm.py",
  config: {
    modelType: "xglm",
    defaults: {
      vocab_size: 256008,
      max_position_embeddings: 2048,
      d_model: 1024,
      ffn_dim: 4096,
      num_layers: 24,
      attention_heads: 16,
      activation_function: "gelu",
      scale_embedding: true,
      decoder_start_token_id: 2,
      pad_token_id: 1,
      bos_token_id: 0,
      eos_token_id: 2,
    },
    attributeMap: { num_attention_heads: "attention_heads", hidden_size: "d_model", num_hidden_layers: "num_layers" },
  },
  models: {
    AutoModel: (c) => built(model(c), NO_SPLIT),
    AutoModelForCausalLM: (c) =>
      built(
        module("XGLMForCausalLM", {
          children: { model: model(c), lm_head: lmHead(c.positiveInt("d_model"), c.int("vocab_size")) },
        }),
        NO_SPLIT,
      ),
  },
};
