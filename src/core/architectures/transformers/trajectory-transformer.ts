// transformers/models/deprecated/trajectory_transformer/{configuration,modeling}_trajectory_transformer.py (4.47)
import type { Config } from "../../config/config.js";
import { embedding, layerNorm, linear } from "../../modules/blocks.js";
import { buffer, module, repeat, type Module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";

function model(c: Config): Module {
  const d = c.positiveInt("n_embd");
  c.divisible("n_embd", "n_head");
  const blockSize = c.int("block_size");
  const transition = c.int("transition_dim");
  const vocab = c.int("vocab_size");
  const block = module("Block", {
    children: {
      ln1: layerNorm(d),
      ln2: layerNorm(d),
      attn: module("CausalSelfAttention", {
        // A float causal mask over the block size.
        buffers: { mask: buffer([1, 1, blockSize, blockSize], "float32", false) },
        children: { key: linear(d, d), query: linear(d, d), value: linear(d, d), proj: linear(d, d) },
      }),
      l1: linear(d, 4 * d),
      l2: linear(4 * d, d),
    },
  });
  return module("TrajectoryTransformerModel", {
    params: { pos_emb: [1, blockSize, d] },
    children: {
      // Each transition dimension has its own vocabulary slice, plus one stop token.
      tok_emb: embedding(vocab * transition + 1, d),
      blocks: repeat(block, c.int("n_layer")),
      ln_f: layerNorm(d),
      // EinLinear: one bias-free [out, in] matrix per transition dimension.
      head: module("EinLinear", { params: { weight: [transition, vocab + 1, d] } }),
    },
  });
}

export const trajectoryTransformer: TransformersArchitecture = {
  modelType: "trajectory_transformer",
  source: "transformers/models/deprecated/trajectory_transformer/modeling_trajectory_transformer.py",
  config: {
    modelType: "trajectory_transformer",
    defaults: {
      vocab_size: 100,
      action_weight: 5,
      reward_weight: 1,
      value_weight: 1,
      block_size: 249,
      action_dim: 6,
      observation_dim: 17,
      transition_dim: 25,
      n_layer: 4,
      n_head: 4,
      n_embd: 128,
      max_position_embeddings: 512,
      layer_norm_eps: 1e-12,
      kaiming_initializer_range: 1,
      use_cache: true,
      pad_token_id: 1,
      bos_token_id: 50256,
      eos_token_id: 50256,
    },
    attributeMap: { hidden_size: "n_embd", num_attention_heads: "n_head", num_hidden_layers: "n_layer" },
  },
  models: { AutoModel: (c) => built(model(c), null) },
};
