// transformers/models/decision_transformer/{configuration,modeling}_decision_transformer.py (4.47)
import { embedding, layerNorm, linear } from "../../modules/blocks.js";
import { list, module, stateless } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { gpt2LikeModel } from "./shared/gpt2-like.js";

export const decisionTransformer: TransformersArchitecture = {
  modelType: "decision_transformer",
  source: "transformers/models/decision_transformer/modeling_decision_transformer.py",
  config: {
    modelType: "decision_transformer",
    defaults: {
      state_dim: 17,
      act_dim: 4,
      hidden_size: 128,
      max_ep_len: 4096,
      action_tanh: true,
      vocab_size: 1,
      n_positions: 1024,
      n_layer: 3,
      n_head: 1,
      n_inner: null,
      activation_function: "relu",
      layer_norm_epsilon: 1e-5,
      scale_attn_weights: true,
      bos_token_id: 50256,
      eos_token_id: 50256,
      scale_attn_by_inverse_layer_idx: false,
      reorder_and_upcast_attn: false,
    },
    attributeMap: { max_position_embeddings: "n_positions", num_attention_heads: "n_head", num_hidden_layers: "n_layer" },
  },
  models: {
    AutoModel: (c) => {
      const hidden = c.positiveInt("hidden_size");
      const state = c.int("state_dim");
      const act = c.int("act_dim");
      return built(
        module("DecisionTransformerModel", {
          children: {
            encoder: gpt2LikeModel(c, { prefix: "DecisionTransformerGPT2" }),
            embed_timestep: embedding(c.int("max_ep_len"), hidden),
            embed_return: linear(1, hidden),
            embed_state: linear(state, hidden),
            embed_action: linear(act, hidden),
            embed_ln: layerNorm(hidden),
            predict_state: linear(hidden, state),
            predict_action: list("Sequential", linear(hidden, act), stateless(c.bool("action_tanh") ? "Tanh" : "Identity")),
            predict_return: linear(hidden, 1),
          },
        }),
        null,
      );
    },
  },
};
