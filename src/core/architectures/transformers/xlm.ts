// transformers/models/xlm/{configuration,modeling}_xlm.py (and flaubert/, a copy of XLMModel with pre_norm/layerdrop)
import { embedding, layerNorm, linear, positionIdsBuffer } from "../../modules/blocks.js";
import { module, repeat } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";

const XLM_DEFAULTS = {
  vocab_size: 30145,
  emb_dim: 2048,
  n_layers: 12,
  n_heads: 16,
  gelu_activation: true,
  sinusoidal_embeddings: false,
  causal: false,
  asm: false,
  n_langs: 1,
  use_lang_emb: true,
  max_position_embeddings: 512,
  layer_norm_eps: 1e-12,
  bos_index: 0,
  eos_index: 1,
  pad_index: 2,
  unk_index: 3,
  mask_index: 5,
  is_encoder: true,
  mask_token_id: 0,
  lang_id: 0,
  pad_token_id: 2,
  bos_token_id: 0,
} as const;

const XLM_ATTRIBUTES = { hidden_size: "emb_dim", num_attention_heads: "n_heads", num_hidden_layers: "n_layers", n_words: "vocab_size" };

/** XLMModel: parallel ModuleLists (attentions, layer_norm1, ffns, layer_norm2) rather than a list of layers. */
function xlmModel(c: Config, cls: string) {
  const dim = c.positiveInt("emb_dim");
  c.divisible("emb_dim", "n_heads");
  const layers = c.int("n_layers");
  const maxPositions = c.int("max_position_embeddings");
  const attention = module("MultiHeadAttention", {
    children: { q_lin: linear(dim, dim), k_lin: linear(dim, dim), v_lin: linear(dim, dim), out_lin: linear(dim, dim) },
  });
  const ffn = module("TransformerFFN", { children: { lin1: linear(dim, 4 * dim), lin2: linear(4 * dim, dim) } });
  return module(cls, {
    children: {
      position_embeddings: embedding(maxPositions, dim),
      lang_embeddings: c.int("n_langs") > 1 && c.bool("use_lang_emb") && embedding(c.int("n_langs"), dim),
      embeddings: embedding(c.int("vocab_size"), dim),
      layer_norm_emb: layerNorm(dim),
      attentions: repeat(attention, layers),
      layer_norm1: repeat(layerNorm(dim), layers),
      ffns: repeat(ffn, layers),
      layer_norm2: repeat(layerNorm(dim), layers),
    },
    buffers: { position_ids: positionIdsBuffer(maxPositions) },
  });
}

export const xlm: TransformersArchitecture = {
  modelType: "xlm",
  source: "transformers/models/xlm/modeling_xlm.py",
  config: { modelType: "xlm", defaults: XLM_DEFAULTS, attributeMap: XLM_ATTRIBUTES },
  models: { AutoModel: (c) => built(xlmModel(c, "XLMModel"), null) },
};

export const flaubert: TransformersArchitecture = {
  modelType: "flaubert",
  source: "transformers/models/flaubert/modeling_flaubert.py",
  config: { modelType: "flaubert", defaults: { ...XLM_DEFAULTS, layerdrop: 0.0, pre_norm: false }, attributeMap: XLM_ATTRIBUTES },
  models: { AutoModel: (c) => built(xlmModel(c, "FlaubertModel"), null) },
};
