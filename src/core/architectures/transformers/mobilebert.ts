// transformers/models/mobilebert/{configuration,modeling}_mobilebert.py — bottlenecked narrow layers, stacked FFNs.
import { embedding, layerNorm, linear, positionIdsBuffer } from "../../modules/blocks.js";
import { module, repeat, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { BERT_DEFAULTS } from "./shared/bert-like.js";
import { built } from "./shared/build.js";

/** NORM2FN: `nn.LayerNorm`, or the elementwise affine `NoNorm` (its bias registered before its weight). */
function norm(c: Config, size: number): Module {
  if (c.get("normalization_type") === "layer_norm") return layerNorm(size);
  return module("NoNorm", { params: { bias: [size], weight: [size] } });
}

function mobileBertLayer(c: Config): Module {
  const hidden = c.positiveInt("hidden_size");
  const inner = c.positiveInt("true_hidden_size");
  const inter = c.int("intermediate_size");
  const heads = c.positiveInt("num_attention_heads");
  const allHead = Math.floor(inner / heads) * heads;
  const bottleneck = c.bool("use_bottleneck");
  const intermediate = module("MobileBertIntermediate", { children: { dense: linear(inner, inter) } });
  const bottleneckLayer = module("BottleneckLayer", {
    children: { dense: linear(hidden, c.positiveInt("intra_bottleneck_size")), LayerNorm: norm(c, c.positiveInt("intra_bottleneck_size")) },
  });
  const ffn = module("FFNLayer", {
    children: { intermediate, output: module("FFNOutput", { children: { dense: linear(inter, inner), LayerNorm: norm(c, inner) } }) },
  });
  const extraFfns = c.int("num_feedforward_networks") - 1;
  return module("MobileBertLayer", {
    children: {
      attention: module("MobileBertAttention", {
        children: {
          self: module("MobileBertSelfAttention", {
            children: {
              query: linear(inner, allHead),
              key: linear(inner, allHead),
              value: linear(c.bool("use_bottleneck_attention") ? inner : hidden, allHead),
            },
          }),
          output: module("MobileBertSelfOutput", { children: { dense: linear(inner, inner), LayerNorm: norm(c, inner) } }),
        },
      }),
      intermediate,
      output: module("MobileBertOutput", {
        children: {
          dense: linear(inter, inner),
          LayerNorm: norm(c, inner),
          bottleneck: bottleneck && module("OutputBottleneck", { children: { dense: linear(inner, hidden), LayerNorm: norm(c, hidden) } }),
        },
      }),
      bottleneck:
        bottleneck &&
        module("Bottleneck", {
          children: { input: bottleneckLayer, attention: c.bool("key_query_shared_bottleneck") && bottleneckLayer },
        }),
      ffn: extraFfns > 0 && repeat(ffn, extraFfns),
    },
  });
}

export const mobilebert: TransformersArchitecture = {
  modelType: "mobilebert",
  source: "transformers/models/mobilebert/modeling_mobilebert.py",
  config: {
    modelType: "mobilebert",
    defaults: {
      ...BERT_DEFAULTS,
      hidden_size: 512,
      num_hidden_layers: 24,
      num_attention_heads: 4,
      hidden_act: "relu",
      intermediate_size: 512,
      embedding_size: 128,
      trigram_input: true,
      use_bottleneck: true,
      intra_bottleneck_size: 128,
      use_bottleneck_attention: false,
      key_query_shared_bottleneck: true,
      num_feedforward_networks: 4,
      normalization_type: "no_norm",
      classifier_activation: true,
    },
    // MobileBertConfig.__init__ derives the width inside the bottleneck.
    derive: (c) => c.set("true_hidden_size", c.bool("use_bottleneck") ? c.get("intra_bottleneck_size") : c.get("hidden_size")),
  },
  models: {
    AutoModel: (c) => {
      const hidden = c.positiveInt("hidden_size");
      const emb = c.positiveInt("embedding_size");
      const maxPositions = c.int("max_position_embeddings");
      const model = module("MobileBertModel", {
        children: {
          embeddings: module("MobileBertEmbeddings", {
            children: {
              word_embeddings: embedding(c.int("vocab_size"), emb),
              position_embeddings: embedding(maxPositions, hidden),
              token_type_embeddings: embedding(c.int("type_vocab_size"), hidden),
              // Trigram input concatenates each token with its two neighbours before projecting.
              embedding_transformation: linear(emb * (c.bool("trigram_input") ? 3 : 1), hidden),
              LayerNorm: norm(c, hidden),
            },
            buffers: { position_ids: positionIdsBuffer(maxPositions) },
          }),
          encoder: module("MobileBertEncoder", { children: { layer: repeat(mobileBertLayer(c), c.int("num_hidden_layers")) } }),
          pooler: module("MobileBertPooler", { children: { dense: c.bool("classifier_activation") && linear(hidden, hidden) } }),
        },
      });
      return built(model, null);
    },
  },
};
