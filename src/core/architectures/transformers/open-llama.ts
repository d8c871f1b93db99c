// transformers/models/deprecated/open_llama/{configuration,modeling}_open_llama.py (4.47): Llama with an
// optional LayerNorm after the embeddings, rotary modules that cache cos/sin tables, and (when the input and
// output embeddings are shared) no lm_head at all.
import type { Config } from "../../config/config.js";
import { layerNorm } from "../../modules/blocks.js";
import type { Module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built, headDim } from "./shared/build.js";
import { decoderAttention, decoderLayer, decoderModel, type DecoderStyle } from "./shared/decoder.js";
import { cachedRotary, causalLmHead, withChild } from "./shared/decoder-variants.js";

const style: DecoderStyle = { prefix: "OpenLlama" };

function model(c: Config): Module {
  const rotary = cachedRotary("OpenLlamaRotaryEmbedding", headDim(c), c.int("max_position_embeddings"));
  const layer = withChild(decoderLayer(c, style), "self_attn", withChild(decoderAttention(c, style), "rotary_emb", rotary));
  const base = decoderModel(c, style, layer);
  const stable = c.bool("use_stable_embedding") ? layerNorm(c.positiveInt("hidden_size")) : null;
  // embed_layer_norm is registered right after embed_tokens.
  const [embed, ...rest] = base.children;
  return { ...base, children: [embed!, ...(stable ? [["embed_layer_norm", stable] as const] : []), ...rest] };
}

const NO_SPLIT = ["OpenLlamaDecoderLayer"];

export const openLlama: TransformersArchitecture = {
  modelType: "open-llama",
  source: "transformers/models/deprecated/open_llama/modeling_open_llama.py",
  config: {
    modelType: "open-llama",
    defaults: {
      vocab_size: 100000,
      hidden_size: 4096,
      intermediate_size: 11008,
      num_hidden_layers: 32,
      num_attention_heads: 32,
      hidden_act: "silu",
      max_position_embeddings: 2048,
      initializer_range: 0.02,
      rms_norm_eps: 1e-6,
      use_cache: true,
      pad_token_id: 0,
      bos_token_id: 1,
      eos_token_id: 2,
      tie_word_embeddings: false,
      use_memory_efficient_attention: true,
      hidden_dropout_prob: 0.1,
      attention_dropout_prob: 0.1,
      use_stable_embedding: true,
      shared_input_output_embedding: true,
      rope_theta: 10000.0,
      rope_scaling: null,
    },
    // The attention reads num_key_value_heads, which OpenLlama does not have: it is the head count.
    derive: (c) => c.setDefault("num_key_value_heads", c.get("num_attention_heads")),
  },
  models: {
    AutoModel: (c) => built(model(c), NO_SPLIT),
    AutoModelForCausalLM: (c) =>
      causalLmHead(c, "OpenLlamaForCausalLM", model(c), NO_SPLIT, { head: !c.bool("shared_input_output_embedding") }),
  },
};
