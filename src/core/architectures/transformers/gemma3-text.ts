// transformers/models/gemma3/{configuration,modeling}_gemma3.py (transformers 5.x): Gemma3TextModel, Gemma3ForCausalLM.
import type { Config, ConfigSpec } from "../../config/config.js";
import { rmsNorm } from "../../modules/blocks.js";
import { buffer, module, repeat, type Module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built, headDim } from "./shared/build.js";
import { causalLm, gatedMlp } from "./shared/decoder.js";
import { currentRotary, gAttention, gModel } from "./shared/current-decoder.js";

/** Gemma3PreTrainedModel's `_no_split_modules` (transformers 5.18); the multimodal model adds its SigLIP tower's (gemma3.ts). */
export const GEMMA3_NO_SPLIT = ["Gemma3DecoderLayer"];

export const GEMMA3_TEXT_CONFIG: ConfigSpec = {
  modelType: "gemma3_text",
  defaults: {
    vocab_size: 262208,
    hidden_size: 2304,
    intermediate_size: 9216,
    num_hidden_layers: 26,
    num_attention_heads: 8,
    num_key_value_heads: 4,
    head_dim: 256,
    hidden_activation: "gelu_pytorch_tanh",
    max_position_embeddings: 131072,
    rms_norm_eps: 1e-6,
    pad_token_id: 0,
    eos_token_id: 1,
    bos_token_id: 2,
    tie_word_embeddings: true,
    attention_bias: false,
    query_pre_attn_scalar: 256,
    sliding_window: 4096,
    sliding_window_pattern: 6,
    layer_types: null,
  },
  derive: (c) => {
    // Every `sliding_window_pattern`-th layer is global; the rest slide.
    const pattern = c.positiveInt("sliding_window_pattern");
    const n = c.int("num_hidden_layers");
    c.setDefault("layer_types", Array.from({ length: n }, (_, i) => ((i + 1) % pattern !== 0 ? "sliding_attention" : "full_attention")));
  },
};

export function gemma3TextModel(c: Config): Module {
  const hidden = c.positiveInt("hidden_size");
  const norm = () => rmsNorm("Gemma3RMSNorm", hidden);
  const bias = c.bool("attention_bias");
  // Gemma's sandwich norms: four per layer, registered after the attention and the MLP.
  const layer = module("Gemma3DecoderLayer", {
    children: {
      self_attn: gAttention(c, "Gemma3Attention", { qkvBias: bias, outBias: bias, qkNorm: "Gemma3RMSNorm" }),
      mlp: gatedMlp("Gemma3MLP", hidden, c.int("intermediate_size")),
      input_layernorm: norm(),
      post_attention_layernorm: norm(),
      pre_feedforward_layernorm: norm(),
      post_feedforward_layernorm: norm(),
    },
  });
  // The embedding scales by sqrt(hidden), kept as a scalar float32 buffer beside the weight.
  const embed = module("Gemma3TextScaledWordEmbedding", {
    params: { weight: [c.int("vocab_size"), hidden] },
    buffers: { embed_scale: buffer([], "float32", false) },
  });
  // One rotary module with a buffer pair per distinct layer type (local and global bases differ).
  const types = [...new Set(c.list("layer_types").map(String))];
  const rotary = currentRotary("Gemma3RotaryEmbedding", headDim(c), types);
  return gModel(c, "Gemma3TextModel", repeat(layer, c.int("num_hidden_layers")), norm(), rotary, embed);
}

export const gemma3Text: TransformersArchitecture = {
  modelType: "gemma3_text",
  source: "transformers/models/gemma3/modeling_gemma3.py",
  config: GEMMA3_TEXT_CONFIG,
  models: {
    AutoModel: (c) => built(gemma3TextModel(c), GEMMA3_NO_SPLIT),
    AutoModelForCausalLM: (c) => causalLm(c, "Gemma3ForCausalLM", gemma3TextModel(c), GEMMA3_NO_SPLIT),
  },
};
