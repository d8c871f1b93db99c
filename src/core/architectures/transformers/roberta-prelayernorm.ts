// transformers/models/roberta_prelayernorm/{configuration,modeling}_roberta_prelayernorm.py
import { layerNorm, linear } from "../../modules/blocks.js";
import { module, repeat } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { ROBERTA_DEFAULTS } from "./roberta.js";
import { bertEmbeddings, bertPooler } from "./shared/bert-like.js";
import { built } from "./shared/build.js";
import { denseOnly, preNormAttention } from "./shared/bert-variants.js";

const P = "RobertaPreLayerNorm";

export const robertaPreLayerNorm: TransformersArchitecture = {
  modelType: "roberta-prelayernorm",
  source: "transformers/models/roberta_prelayernorm/modeling_roberta_prelayernorm.py",
  config: { modelType: "roberta-prelayernorm", defaults: { ...ROBERTA_DEFAULTS, vocab_size: 50265 } },
  models: {
    AutoModel: (c) => {
      const hidden = c.positiveInt("hidden_size");
      const inter = c.int("intermediate_size");
      const attention = preNormAttention(c, P, "LayerNorm", false);
      const layer = module(`${P}Layer`, {
        children: {
          attention,
          crossattention: c.bool("add_cross_attention") && attention,
          intermediate: module(`${P}Intermediate`, { children: { LayerNorm: layerNorm(hidden), dense: linear(hidden, inter) } }),
          output: denseOnly(`${P}Output`, inter, hidden),
        },
      });
      const model = module(`${P}Model`, {
        children: {
          embeddings: bertEmbeddings(c, P),
          encoder: module(`${P}Encoder`, { children: { layer: repeat(layer, c.int("num_hidden_layers")) } }),
          LayerNorm: layerNorm(hidden),
          pooler: bertPooler(c, P),
        },
      });
      // 4.47 names the self-attention, not the layer, as unsplittable.
      return built(model, [`${P}Embeddings`, `${P}SelfAttention`]);
    },
  },
};
