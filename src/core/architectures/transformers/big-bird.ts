// transformers/models/big_bird/{configuration,modeling}_big_bird.py
import { layerNorm, linear } from "../../modules/blocks.js";
import { module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { BERT_DEFAULTS, bertEmbeddings, bertEncoder } from "./shared/bert-like.js";
import { built } from "./shared/build.js";

export const bigBird: TransformersArchitecture = {
  modelType: "big_bird",
  source: "transformers/models/big_bird/modeling_big_bird.py",
  config: {
    modelType: "big_bird",
    defaults: {
      ...BERT_DEFAULTS,
      vocab_size: 50358,
      hidden_act: "gelu_new",
      max_position_embeddings: 4096,
      bos_token_id: 1,
      eos_token_id: 2,
      sep_token_id: 66,
      attention_type: "block_sparse",
      use_bias: true,
      rescale_embeddings: false,
      block_size: 64,
      num_random_blocks: 3,
    },
  },
  models: {
    AutoModel: (c) => {
      const hidden = c.positiveInt("hidden_size");
      const inter = c.int("intermediate_size");
      c.divisible("hidden_size", "num_attention_heads");
      const bias = c.bool("use_bias");
      // Block-sparse and full attention hold the same three projections; only the class differs.
      const selfCls = c.get("attention_type") === "original_full" ? "BigBirdSelfAttention" : "BigBirdBlockSparseAttention";
      const attention = (self: string) =>
        module("BigBirdAttention", {
          children: {
            self: module(self, {
              children: { query: linear(hidden, hidden, bias), key: linear(hidden, hidden, bias), value: linear(hidden, hidden, bias) },
            }),
            output: module("BigBirdSelfOutput", { children: { dense: linear(hidden, hidden), LayerNorm: layerNorm(hidden) } }),
          },
        });
      const layer = module("BigBirdLayer", {
        children: {
          attention: attention(selfCls),
          crossattention: c.bool("add_cross_attention") && attention("BigBirdSelfAttention"),
          intermediate: module("BigBirdIntermediate", { children: { dense: linear(hidden, inter) } }),
          output: module("BigBirdOutput", { children: { dense: linear(inter, hidden), LayerNorm: layerNorm(hidden) } }),
        },
      });
      const model = module("BigBirdModel", {
        children: {
          embeddings: bertEmbeddings(c, "BigBird"),
          encoder: bertEncoder(c, "BigBird", layer),
          // The pooler is a bare Linear (its Tanh is a sibling).
          pooler: linear(hidden, hidden),
        },
      });
      return built(model, null);
    },
  },
};
