// transformers/models/mixtral/{configuration,modeling}_mixtral.py (4.47): Mistral attention whose rotary
// still caches cos/sin tables [max_position_embeddings, head_dim]; the MLP is a top-2 sparse MoE.
import type { Config } from "../../config/config.js";
import type { Module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built, headDim } from "./shared/build.js";
import { causalLm, decoderAttention, decoderLayer, decoderModel, deriveKvHeads, type DecoderStyle } from "./shared/decoder.js";
import { cachedRotary, renameChild, sparseMoe, w123Expert, withChild } from "./shared/decoder-variants.js";

const style: DecoderStyle = {
  prefix: "Mixtral",
  mlp: (c) => {
    const hidden = c.positiveInt("hidden_size");
    const expert = w123Expert("MixtralBlockSparseTop2MLP", hidden, c.int("intermediate_size"));
    return sparseMoe("MixtralSparseMoeBlock", hidden, c.positiveInt("num_local_experts"), expert);
  },
};

function model(c: Config): Module {
  const rotary = cachedRotary("MixtralRotaryEmbedding", headDim(c), c.int("max_position_embeddings"));
  const attention = withChild(decoderAttention(c, style), "rotary_emb", rotary);
  const layer = withChild(renameChild(decoderLayer(c, style), "mlp", "block_sparse_moe"), "self_attn", attention);
  return decoderModel(c, style, layer);
}

const NO_SPLIT = ["MixtralDecoderLayer"];

export const mixtral: TransformersArchitecture = {
  modelType: "mixtral",
  source: "transformers/models/mixtral/modeling_mixtral.py",
  config: {
    modelType: "mixtral",
    defaults: {
      vocab_size: 32000,
      hidden_size: 4096,
      intermediate_size: 14336,
      num_hidden_layers: 32,
      num_attention_heads: 32,
      num_key_value_heads: 8,
      head_dim: null,
      hidden_act: "silu",
      max_position_embeddings: 4096 * 32,
      initializer_range: 0.02,
      rms_norm_eps: 1e-5,
      use_cache: true,
      pad_token_id: null,
      bos_token_id: 1,
      eos_token_id: 2,
      tie_word_embeddings: false,
      rope_theta: 1e6,
      sliding_window: null,
      attention_dropout: 0.0,
      num_experts_per_tok: 2,
      num_local_experts: 8,
      output_router_logits: false,
      router_aux_loss_coef: 0.001,
      router_jitter_noise: 0.0,
    },
    derive: deriveKvHeads,
  },
  models: {
    AutoModel: (c) => built(model(c), NO_SPLIT),
    AutoModelForCausalLM: (c) => causalLm(c, "MixtralForCausalLM", model(c), NO_SPLIT),
  },
};
