// transformers/models/qwen3/{configuration,modeling}_qwen3.py (transformers 5.x)
import type { Config } from "../../config/config.js";
import { rmsNorm } from "../../modules/blocks.js";
import { repeat } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built, headDim } from "./shared/build.js";
import { causalLm, deriveKvHeads } from "./shared/decoder.js";
import { currentRotary, gAttention, gLayer, gModel } from "./shared/current-decoder.js";
import { gatedMlp } from "./shared/decoder.js";

const NO_SPLIT = ["Qwen3DecoderLayer"];

function qwen3Model(c: Config) {
  const hidden = c.positiveInt("hidden_size");
  const norm = () => rmsNorm("Qwen3RMSNorm", hidden);
  // Unlike Qwen2, q/k/v/o share one `attention_bias` flag, and each head's q and k pass an RMSNorm.
  const bias = c.bool("attention_bias");
  const layer = gLayer(
    "Qwen3DecoderLayer",
    gAttention(c, "Qwen3Attention", { qkvBias: bias, outBias: bias, qkNorm: "Qwen3RMSNorm" }),
    gatedMlp("Qwen3MLP", hidden, c.int("intermediate_size")),
    norm,
  );
  return gModel(c, "Qwen3Model", repeat(layer, c.int("num_hidden_layers")), norm(), currentRotary("Qwen3RotaryEmbedding", headDim(c)));
}

export const qwen3: TransformersArchitecture = {
  modelType: "qwen3",
  source: "transformers/models/qwen3/modeling_qwen3.py",
  config: {
    modelType: "qwen3",
    defaults: {
      vocab_size: 151936,
      hidden_size: 4096,
      intermediate_size: 22016,
      num_hidden_layers: 32,
      num_attention_heads: 32,
      num_key_value_heads: 32,
      head_dim: 128,
      hidden_act: "silu",
      max_position_embeddings: 32768,
      rms_norm_eps: 1e-6,
      tie_word_embeddings: false,
      attention_bias: false,
      use_sliding_window: false,
      sliding_window: 4096,
      max_window_layers: 28,
    },
    derive: deriveKvHeads,
  },
  models: {
    AutoModel: (c) => built(qwen3Model(c), NO_SPLIT),
    AutoModelForCausalLM: (c) => causalLm(c, "Qwen3ForCausalLM", qwen3Model(c), NO_SPLIT),
  },
};
