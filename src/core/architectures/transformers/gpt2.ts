// transformers/models/gpt2/{configuration,modeling}_gpt2.py (4.47)
import { conv1DTransposed, embedding, layerNorm } from "../../modules/blocks.js";
import { buffer, module, repeat, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";

function gpt2Attention(c: Config, crossAttention: boolean): Module {
  const hidden = c.positiveInt("n_embd");
  c.divisible("n_embd", "n_head");
  const positions = c.int("n_positions");
  return module("GPT2Attention", {
    // The causal mask is a bool [1, 1, n_positions, n_positions] buffer; masked_bias a float scalar.
    buffers: {
      bias: buffer([1, 1, positions, positions], "bool", false),
      masked_bias: buffer([], "float32", false),
    },
    children: crossAttention
      ? { c_attn: conv1DTransposed(2 * hidden, hidden), q_attn: conv1DTransposed(hidden, hidden), c_proj: conv1DTransposed(hidden, hidden) }
      : { c_attn: conv1DTransposed(3 * hidden, hidden), c_proj: conv1DTransposed(hidden, hidden) },
  });
}

function gpt2Block(c: Config): Module {
  const hidden = c.positiveInt("n_embd");
  const inner = c.optionalInt("n_inner") ?? 4 * hidden;
  const cross = c.bool("add_cross_attention");
  return module("GPT2Block", {
    children: {
      ln_1: layerNorm(hidden),
      attn: gpt2Attention(c, false),
      ln_2: layerNorm(hidden),
      crossattention: cross && gpt2Attention(c, true),
      ln_cross_attn: cross && layerNorm(hidden),
      mlp: module("GPT2MLP", { children: { c_fc: conv1DTransposed(inner, hidden), c_proj: conv1DTransposed(hidden, inner) } }),
    },
  });
}

export function gpt2Model(c: Config): Module {
  const hidden = c.positiveInt("n_embd");
  return module("GPT2Model", {
    children: {
      wte: embedding(c.int("vocab_size"), hidden),
      wpe: embedding(c.int("n_positions"), hidden),
      h: repeat(gpt2Block(c), c.int("n_layer")),
      ln_f: layerNorm(hidden),
    },
  });
}

export const gpt2: TransformersArchitecture = {
  modelType: "gpt2",
  source: "transformers/models/gpt2/modeling_gpt2.py",
  config: {
    modelType: "gpt2",
    defaults: {
      vocab_size: 50257,
      n_positions: 1024,
      n_embd: 768,
      n_layer: 12,
      n_head: 12,
      n_inner: null,
      activation_function: "gelu_new",
      layer_norm_epsilon: 1e-5,
      bos_token_id: 50256,
      eos_token_id: 50256,
    },
    attributeMap: {
      hidden_size: "n_embd",
      max_position_embeddings: "n_positions",
      num_attention_heads: "n_head",
      num_hidden_layers: "n_layer",
    },
  },
  models: {
    AutoModel: (c) => built(gpt2Model(c), ["GPT2Block"]),
  },
};
