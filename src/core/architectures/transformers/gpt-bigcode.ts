// transformers/models/gpt_bigcode/{configuration,modeling}_gpt_bigcode.py (4.47)
import type { Config } from "../../config/config.js";
import { InvalidConfigError } from "../../errors.js";
import { embedding, layerNorm, linear } from "../../modules/blocks.js";
import { buffer, module, repeat, type Module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { GPT2_ATTRIBUTE_MAP } from "./shared/gpt2-like.js";
import { lmHead } from "./shared/fairseq-decoder.js";

function attention(c: Config, cross: boolean): Module {
  const hidden = c.positiveInt("n_embd");
  const headDim = c.divisible("n_embd", "n_head");
  // Multi-query attention shares one key/value head across all query heads.
  const kvDim = c.bool("multi_query") ? headDim : hidden;
  return module("GPTBigCodeAttention", {
    children: cross
      ? { c_attn: linear(hidden, 2 * hidden), q_attn: linear(hidden, hidden), c_proj: linear(hidden, hidden) }
      : { c_attn: linear(hidden, hidden + 2 * kvDim), c_proj: linear(hidden, hidden) },
  });
}

function model(c: Config): Module {
  const hidden = c.positiveInt("n_embd");
  const inner = c.optionalInt("n_inner") ?? 4 * hidden;
  const positions = c.int("n_positions");
  const cross = c.bool("add_cross_attention");
  if (cross && c.bool("multi_query")) throw new InvalidConfigError(`${c.label}: cross-attention is not implemented for multi_query`, "add_cross_attention");
  const block = module("GPTBigCodeBlock", {
    children: {
      ln_1: layerNorm(hidden),
      attn: attention(c, false),
      ln_2: layerNorm(hidden),
      crossattention: cross && attention(c, true),
      ln_cross_attn: cross && layerNorm(hidden),
      mlp: module("GPTBigCodeMLP", { children: { c_fc: linear(hidden, inner), c_proj: linear(inner, hidden) } }),
    },
  });
  return module("GPTBigCodeModel", {
    // One causal mask for the whole model, [n_positions, n_positions] bool.
    buffers: { bias: buffer([positions, positions], "bool", false) },
    children: {
      wte: embedding(c.int("vocab_size"), hidden),
      wpe: embedding(positions, hidden),
      h: repeat(block, c.int("n_layer")),
      ln_f: layerNorm(hidden),
    },
  });
}

const NO_SPLIT = ["GPTBigCodeBlock"];

export const gptBigcode: TransformersArchitecture = {
  modelType: "gpt_bigcode",
  source: "transformers/models/gpt_bigcode/modeling_gpt_bigcode.py",
  config: {
    modelType: "gpt_bigcode",
    defaults: {
      vocab_size: 50257,
      n_positions: 1024,
      n_embd: 768,
      n_layer: 12,
      n_head: 12,
      n_inner: null,
      activation_function: "gelu_pytorch_tanh",
      layer_norm_epsilon: 1e-5,
      scale_attn_weights: true,
      bos_token_id: 50256,
      eos_token_id: 50256,
      attention_softmax_in_fp32: true,
      scale_attention_softmax_in_fp32: true,
      multi_query: true,
    },
    attributeMap: GPT2_ATTRIBUTE_MAP,
  },
  models: {
    AutoModel: (c) => built(model(c), NO_SPLIT),
    AutoModelForCausalLM: (c) =>
      built(
        module("GPTBigCodeForCausalLM", {
          children: { transformer: model(c), lm_head: lmHead(c.positiveInt("n_embd"), c.int("vocab_size")) },
        }),
        NO_SPLIT,
      ),
  },
};
