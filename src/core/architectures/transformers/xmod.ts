// transformers/models/xmod/{configuration,modeling}_xmod.py — RoBERTa with per-language adapters.
import { layerNorm, linear } from "../../modules/blocks.js";
import { module, type Module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { ROBERTA_DEFAULTS } from "./roberta.js";
import { bertAttention, bertEmbeddings, bertEncoder, bertPooler } from "./shared/bert-like.js";
import { built } from "./shared/build.js";
import { withChildren } from "./shared/bert-variants.js";

export const xmod: TransformersArchitecture = {
  modelType: "xmod",
  source: "transformers/models/xmod/modeling_xmod.py",
  config: {
    modelType: "xmod",
    defaults: {
      ...ROBERTA_DEFAULTS,
      pre_norm: false,
      adapter_reduction_factor: 2,
      adapter_layer_norm: false,
      adapter_reuse_layer_norm: true,
      ln_before_adapter: true,
      languages: ["en_XX"],
      default_language: null,
    },
  },
  models: {
    AutoModel: (c) => {
      const hidden = c.positiveInt("hidden_size");
      const inter = c.int("intermediate_size");
      const bottleneck = Math.floor(hidden / c.positiveInt("adapter_reduction_factor"));
      const adapter = module("XmodAdapter", { children: { dense1: linear(hidden, bottleneck), dense2: linear(bottleneck, hidden) } });
      // One adapter per language, in an nn.ModuleDict keyed by the language code.
      const adapters: Record<string, Module> = {};
      for (const language of c.list("languages")) adapters[String(language)] = adapter;
      const attention = bertAttention(c, "Xmod");
      const layer = module("XmodLayer", {
        children: {
          attention,
          crossattention: c.bool("add_cross_attention") && attention,
          intermediate: module("XmodIntermediate", { children: { dense: linear(hidden, inter) } }),
          output: module("XmodOutput", {
            children: {
              dense: linear(inter, hidden),
              LayerNorm: layerNorm(hidden),
              adapter_layer_norm: c.bool("adapter_layer_norm") && layerNorm(hidden),
              adapter_modules: module("ModuleDict", { children: adapters }),
            },
          }),
        },
      });
      const encoder = bertEncoder(c, "Xmod", layer);
      const model = module("XmodModel", {
        children: {
          embeddings: bertEmbeddings(c, "Xmod"),
          encoder: withChildren(encoder, { LayerNorm: c.bool("pre_norm") && layerNorm(hidden) }),
          pooler: bertPooler(c, "Xmod"),
        },
      });
      return built(model, null);
    },
  },
};
