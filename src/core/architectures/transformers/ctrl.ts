// transformers/models/ctrl/{configuration,modeling}_ctrl.py (4.47)
import type { Config } from "../../config/config.js";
import { embedding, layerNorm, linear } from "../../modules/blocks.js";
import { list, module, repeat, stateless, type Module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { GPT2_ATTRIBUTE_MAP } from "./shared/gpt2-like.js";

function model(c: Config): Module {
  const d = c.positiveInt("n_embd");
  c.divisible("n_embd", "n_head");
  const dff = c.int("dff");
  // The sinusoidal position table is a plain tensor attribute, not a buffer: it weighs nothing here.
  const layer = module("EncoderLayer", {
    children: {
      multi_head_attention: module("MultiHeadAttention", {
        children: { Wq: linear(d, d), Wk: linear(d, d), Wv: linear(d, d), dense: linear(d, d) },
      }),
      ffn: list("Sequential", linear(d, dff), stateless("ReLU"), linear(dff, d)),
      layernorm1: layerNorm(d),
      layernorm2: layerNorm(d),
    },
  });
  return module("CTRLModel", {
    children: { w: embedding(c.int("vocab_size"), d), h: repeat(layer, c.int("n_layer")), layernorm: layerNorm(d) },
  });
}

export const ctrl: TransformersArchitecture = {
  modelType: "ctrl",
  source: "transformers/models/ctrl/modeling_ctrl.py",
  config: {
    modelType: "ctrl",
    defaults: { vocab_size: 246534, n_positions: 256, n_embd: 1280, dff: 8192, n_layer: 48, n_head: 16, layer_norm_epsilon: 1e-6 },
    attributeMap: GPT2_ATTRIBUTE_MAP,
  },
  models: {
    AutoModel: (c) => built(model(c), null),
    AutoModelForCausalLM: (c) => {
      const d = c.positiveInt("n_embd");
      const vocab = c.int("vocab_size");
      // Tied by Parameter assignment, which accelerate's empty init undoes: counted in full (see lmHead).
      return built(module("CTRLLMHeadModel", { children: { transformer: model(c), lm_head: linear(d, vocab) } }), null);
    },
  },
};
