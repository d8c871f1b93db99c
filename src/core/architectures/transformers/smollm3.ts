// transformers/models/smollm3/{configuration,modeling}_smollm3.py (transformers 5.x)
import type { Config } from "../../config/config.js";
import { rmsNorm } from "../../modules/blocks.js";
import { repeat } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built, headDim } from "./shared/build.js";
import { causalLm, deriveKvHeads, gatedMlp } from "./shared/decoder.js";
import { currentRotary, gAttention, gLayer, gModel } from "./shared/current-decoder.js";

const NO_SPLIT = ["SmolLM3DecoderLayer"];

function smollm3Model(c: Config) {
  const hidden = c.positiveInt("hidden_size");
  const norm = () => rmsNorm("SmolLM3RMSNorm", hidden);
  const bias = c.bool("attention_bias");
  // NoPE layers only skip applying the rotation: the attention modules are identical.
  const layer = gLayer(
    "SmolLM3DecoderLayer",
    gAttention(c, "SmolLM3Attention", { qkvBias: bias, outBias: bias }),
    gatedMlp("SmolLM3MLP", hidden, c.int("intermediate_size"), c.bool("mlp_bias")),
    norm,
  );
  return gModel(c, "SmolLM3Model", repeat(layer, c.int("num_hidden_layers")), norm(), currentRotary("SmolLM3RotaryEmbedding", headDim(c)));
}

export const smollm3: TransformersArchitecture = {
  modelType: "smollm3",
  source: "transformers/models/smollm3/modeling_smollm3.py",
  config: {
    modelType: "smollm3",
    defaults: {
      vocab_size: 128256,
      hidden_size: 2048,
      intermediate_size: 11008,
      num_hidden_layers: 36,
      num_attention_heads: 16,
      num_key_value_heads: 4,
      hidden_act: "silu",
      max_position_embeddings: 32768,
      rms_norm_eps: 1e-6,
      pad_token_id: 128004,
      bos_token_id: 128000,
      eos_token_id: 128001,
      use_sliding_window: false,
      sliding_window: null,
      no_rope_layers: null,
      no_rope_layer_interval: 4,
      attention_bias: false,
      mlp_bias: false,
      tie_word_embeddings: true,
    },
    derive: deriveKvHeads,
  },
  models: {
    AutoModel: (c) => built(smollm3Model(c), NO_SPLIT),
    AutoModelForCausalLM: (c) => causalLm(c, "SmolLM3ForCausalLM", smollm3Model(c), NO_SPLIT),
  },
};
