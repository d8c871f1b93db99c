// transformers/models/bros/{configuration,modeling}_bros.py — BERT plus sinusoidal bounding-box embeddings.
import { linear } from "../../modules/blocks.js";
import { buffer, module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { BERT_DEFAULTS, bertEncoder, bertPooler } from "./shared/bert-like.js";
import { built } from "./shared/build.js";
import { embeddingsOf } from "./shared/bert-variants.js";

export const bros: TransformersArchitecture = {
  modelType: "bros",
  source: "transformers/models/bros/modeling_bros.py",
  config: {
    modelType: "bros",
    defaults: { ...BERT_DEFAULTS, dim_bbox: 8, bbox_scale: 100.0, n_relations: 1, classifier_dropout_prob: 0.1 },
    // BrosConfig.__init__ recomputes these from the widths, whatever the file says.
    derive: (c) => {
      const hidden = c.positiveInt("hidden_size");
      const twoD = Math.floor(hidden / 4);
      c.set("dim_bbox_sinusoid_emb_2d", twoD);
      c.set("dim_bbox_sinusoid_emb_1d", Math.floor(twoD / c.positiveInt("dim_bbox")));
      c.set("dim_bbox_projection", Math.floor(hidden / c.positiveInt("num_attention_heads")));
    },
  },
  models: {
    AutoModel: (c) => {
      const oneD = module("BrosPositionalEmbedding1D", {
        buffers: { inv_freq: buffer([Math.floor(c.int("dim_bbox_sinusoid_emb_1d") / 2)]) },
      });
      const bbox = module("BrosBboxEmbeddings", {
        children: {
          bbox_sinusoid_emb: module("BrosPositionalEmbedding2D", { children: { x_pos_emb: oneD, y_pos_emb: oneD } }),
          bbox_projection: linear(c.int("dim_bbox_sinusoid_emb_2d"), c.int("dim_bbox_projection"), false),
        },
      });
      const model = module("BrosModel", {
        children: {
          embeddings: embeddingsOf(c, "BrosTextEmbeddings"),
          bbox_embeddings: bbox,
          encoder: bertEncoder(c, "Bros"),
          pooler: bertPooler(c, "Bros"),
        },
      });
      return built(model, null);
    },
  },
};
