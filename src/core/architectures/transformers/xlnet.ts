// transformers/models/xlnet/{configuration,modeling}_xlnet.py (4.47)
import type { Config } from "../../config/config.js";
import { InvalidConfigError } from "../../errors.js";
import { embedding, layerNorm, linear } from "../../modules/blocks.js";
import { module, repeat, type Module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";

function model(c: Config): Module {
  const d = c.positiveInt("d_model");
  const heads = c.positiveInt("n_head");
  const dHead = c.int("d_head");
  const inner = c.int("d_inner");
  const proj = [d, heads, dHead];
  const bias = [heads, dHead];
  // Every layer owns its relative-attention biases (the HF port ignores `untie_r`).
  const layer = module("XLNetLayer", {
    children: {
      rel_attn: module("XLNetRelativeAttention", {
        params: { q: proj, k: proj, v: proj, o: proj, r: proj, r_r_bias: bias, r_s_bias: bias, r_w_bias: bias, seg_embed: [2, heads, dHead] },
        children: { layer_norm: layerNorm(d) },
      }),
      ff: module("XLNetFeedForward", { children: { layer_norm: layerNorm(d), layer_1: linear(d, inner), layer_2: linear(inner, d) } }),
    },
  });
  return module("XLNetModel", {
    params: { mask_emb: [1, 1, d] },
    children: { word_embedding: embedding(c.int("vocab_size"), d), layer: repeat(layer, c.int("n_layer")) },
  });
}

/** d_head is always d_model / n_head; a stored d_head that disagrees is rejected. */
function deriveXlnet(c: Config): void {
  const dHead = c.divisible("d_model", "n_head");
  const stored = c.get("d_head");
  if (stored !== undefined && stored !== null && stored !== dHead) {
    throw new InvalidConfigError(`${c.label}: \`d_head\` (${String(stored)}) should be equal to \`d_model // n_head\` (${dHead})`, "d_head");
  }
  c.set("d_head", dHead);
}

export const xlnet: TransformersArchitecture = {
  modelType: "xlnet",
  source: "transformers/models/xlnet/modeling_xlnet.py",
  config: {
    modelType: "xlnet",
    defaults: {
      vocab_size: 32000,
      d_model: 1024,
      n_layer: 24,
      n_head: 16,
      d_inner: 4096,
      ff_activation: "gelu",
      untie_r: true,
      attn_type: "bi",
      layer_norm_eps: 1e-12,
      mem_len: 512,
      reuse_len: null,
      use_mems_eval: true,
      use_mems_train: false,
      bi_data: false,
      clamp_len: -1,
      same_length: false,
      summary_type: "last",
      summary_use_proj: true,
      summary_activation: "tanh",
      start_n_top: 5,
      end_n_top: 5,
      pad_token_id: 5,
      bos_token_id: 1,
      eos_token_id: 2,
    },
    attributeMap: { n_token: "vocab_size", hidden_size: "d_model", num_attention_heads: "n_head", num_hidden_layers: "n_layer" },
    derive: deriveXlnet,
  },
  models: {
    AutoModel: (c) => built(model(c), null),
    AutoModelForCausalLM: (c) => {
      const d = c.positiveInt("d_model");
      const vocab = c.int("vocab_size");
      // A biased head; its tie is by Parameter assignment, undone by accelerate's empty init (see lmHead).
      return built(module("XLNetLMHeadModel", { children: { transformer: model(c), lm_loss: linear(d, vocab) } }), null);
    },
  },
};
