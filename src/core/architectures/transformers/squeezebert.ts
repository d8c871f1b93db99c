// transformers/models/squeezebert/{configuration,modeling}_squeezebert.py — BERT with grouped 1x1 convolutions.
import { conv1d, layerNorm } from "../../modules/blocks.js";
import { module, repeat } from "../../modules/module.js";
import { InvalidConfigError } from "../../errors.js";
import type { TransformersArchitecture } from "../types.js";
import { BERT_DEFAULTS, bertPooler } from "./shared/bert-like.js";
import { built } from "./shared/build.js";
import { embeddingsOf } from "./shared/bert-variants.js";

export const squeezebert: TransformersArchitecture = {
  modelType: "squeezebert",
  source: "transformers/models/squeezebert/modeling_squeezebert.py",
  config: {
    modelType: "squeezebert",
    defaults: {
      ...BERT_DEFAULTS,
      embedding_size: 768,
      q_groups: 4,
      k_groups: 4,
      v_groups: 4,
      post_attention_groups: 1,
      intermediate_groups: 4,
      output_groups: 4,
    },
  },
  models: {
    AutoModel: (c) => {
      const hidden = c.positiveInt("hidden_size");
      const inter = c.int("intermediate_size");
      c.divisible("hidden_size", "num_attention_heads");
      if (c.positiveInt("embedding_size") !== hidden) {
        throw new InvalidConfigError(`${c.label}: \`embedding_size\` must equal \`hidden_size\` (SqueezeBertEncoder asserts it)`, "embedding_size");
      }
      const pointwise = (cin: number, cout: number, groupsKey: string) => conv1d(cin, cout, 1, { groups: c.positiveInt(groupsKey) });
      const convLayerNorm = (cin: number, cout: number, groupsKey: string) =>
        module("ConvDropoutLayerNorm", {
          children: { conv1d: pointwise(cin, cout, groupsKey), layernorm: layerNorm(cout, { cls: "SqueezeBertLayerNorm" }) },
        });
      const layer = module("SqueezeBertModule", {
        children: {
          attention: module("SqueezeBertSelfAttention", {
            children: {
              query: pointwise(hidden, hidden, "q_groups"),
              key: pointwise(hidden, hidden, "k_groups"),
              value: pointwise(hidden, hidden, "v_groups"),
            },
          }),
          post_attention: convLayerNorm(hidden, hidden, "post_attention_groups"),
          intermediate: module("ConvActivation", { children: { conv1d: pointwise(hidden, inter, "intermediate_groups") } }),
          output: convLayerNorm(inter, hidden, "output_groups"),
        },
      });
      const model = module("SqueezeBertModel", {
        children: {
          embeddings: embeddingsOf(c, "SqueezeBertEmbeddings", { widthKey: "embedding_size", tokenTypeIds: false }),
          encoder: module("SqueezeBertEncoder", { children: { layers: repeat(layer, c.int("num_hidden_layers")) } }),
          pooler: bertPooler(c, "SqueezeBert"),
        },
      });
      return built(model, null);
    },
  },
};
