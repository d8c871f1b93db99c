// transformers/models/starcoder2/{configuration,modeling}_starcoder2.py (4.47): biased projections, a
// non-gated c_fc/c_proj MLP, LayerNorms, rotary both per attention and at the top.
import { layerNorm, linear } from "../../modules/blocks.js";
import { module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { decoderModels, deriveKvHeads } from "./shared/decoder.js";

export const starcoder2: TransformersArchitecture = {
  modelType: "starcoder2",
  source: "transformers/models/starcoder2/modeling_starcoder2.py",
  config: {
    modelType: "starcoder2",
    defaults: {
      vocab_size: 49152,
      hidden_size: 3072,
      intermediate_size: 12288,
      num_hidden_layers: 30,
      num_attention_heads: 24,
      num_key_value_heads: 2,
      hidden_act: "gelu_pytorch_tanh",
      max_position_embeddings: 4096,
      initializer_range: 0.018042,
      norm_epsilon: 1e-5,
      use_cache: true,
      bos_token_id: 50256,
      eos_token_id: 50256,
      rope_theta: 10000.0,
      rope_scaling: null,
      sliding_window: null,
      attention_dropout: 0.0,
      residual_dropout: 0.0,
      embedding_dropout: 0.0,
      use_bias: true,
    },
    derive: deriveKvHeads,
  },
  models: decoderModels({
    prefix: "Starcoder2",
    qkvBias: (c) => c.bool("use_bias"),
    outBias: (c) => c.bool("use_bias"),
    attentionRotary: true,
    modelRotary: true,
    norm: (_c, dim) => layerNorm(dim),
    mlp: (c) => {
      const hidden = c.positiveInt("hidden_size");
      const ffn = c.int("intermediate_size");
      const bias = c.bool("use_bias");
      return module("Starcoder2MLP", { children: { c_fc: linear(hidden, ffn, bias), c_proj: linear(ffn, hidden, bias) } });
    },
  }),
};
