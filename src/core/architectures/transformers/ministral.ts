// transformers/models/ministral/{configuration,modeling}_ministral.py (transformers 5.x)
import type { Config } from "../../config/config.js";
import { rmsNorm } from "../../modules/blocks.js";
import { repeat } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built, headDim } from "./shared/build.js";
import { causalLm, deriveKvHeads, gatedMlp } from "./shared/decoder.js";
import { currentRotary, gAttention, gLayer, gModel } from "./shared/current-decoder.js";

const NO_SPLIT = ["MinistralDecoderLayer"];

function ministralModel(c: Config) {
  const hidden = c.positiveInt("hidden_size");
  const norm = () => rmsNorm("MinistralRMSNorm", hidden);
  // Qwen2's layout with Mistral's bias-free q/k/v; the sliding/full layer types share one rotary table.
  const layer = gLayer("MinistralDecoderLayer", gAttention(c, "MinistralAttention"), gatedMlp("MinistralMLP", hidden, c.int("intermediate_size")), norm);
  return gModel(c, "MinistralModel", repeat(layer, c.int("num_hidden_layers")), norm(), currentRotary("MinistralRotaryEmbedding", headDim(c)));
}

export const ministral: TransformersArchitecture = {
  modelType: "ministral",
  source: "transformers/models/ministral/modeling_ministral.py",
  config: {
    modelType: "ministral",
    defaults: {
      vocab_size: 32000,
      hidden_size: 4096,
      intermediate_size: 14336,
      num_hidden_layers: 32,
      num_attention_heads: 32,
      num_key_value_heads: 8,
      head_dim: null,
      hidden_act: "silu",
      max_position_embeddings: 4096 * 32,
      rms_norm_eps: 1e-6,
      bos_token_id: 1,
      eos_token_id: 2,
      tie_word_embeddings: false,
      sliding_window: 4096,
    },
    derive: deriveKvHeads,
  },
  models: {
    AutoModel: (c) => built(ministralModel(c), NO_SPLIT),
    AutoModelForCausalLM: (c) => causalLm(c, "MinistralForCausalLM", ministralModel(c), NO_SPLIT),
  },
};
