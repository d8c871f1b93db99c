// transformers/models/llama4/{configuration,modeling}_llama4.py (transformers 5.x): the text model alone.
import type { Config } from "../../config/config.js";
import { rmsNorm } from "../../modules/blocks.js";
import { checkIndexedLayers, module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built, headDim } from "./shared/build.js";
import { causalLm, deriveKvHeads, gatedMlp } from "./shared/decoder.js";
import { currentRotary, fusedExperts, gAttention, gLayer, gModel, layerRuns, router } from "./shared/current-decoder.js";

const NO_SPLIT = ["Llama4TextDecoderLayer"];

function llama4TextModel(c: Config) {
  const hidden = c.positiveInt("hidden_size");
  const experts = c.int("num_local_experts");
  const bias = c.bool("attention_bias");
  const norm = () => rmsNorm("Llama4TextRMSNorm", hidden);
  // NoPE layers skip the (parameter-free) L2 qk-norm, so every attention weighs the same.
  const attention = gAttention(c, "Llama4TextAttention", { qkvBias: bias, outBias: bias });
  const moe = module("Llama4TextMoe", {
    children: {
      experts: fusedExperts("Llama4TextExperts", experts, hidden, c.int("intermediate_size"), { transposed: true }),
      router: router("Llama4Router", experts, hidden),
      shared_expert: gatedMlp("Llama4TextMLP", hidden, c.int("intermediate_size")),
    },
  });
  const dense = gatedMlp("Llama4TextMLP", hidden, c.int("intermediate_size_mlp"));
  const blocks = [
    gLayer("Llama4TextDecoderLayer", attention, dense, norm, "feed_forward"),
    gLayer("Llama4TextDecoderLayer", attention, moe, norm, "feed_forward"),
  ];
  const moeLayers = new Set(c.intList("moe_layers"));
  const layers = layerRuns(c.int("num_hidden_layers"), (i) => (moeLayers.has(i) ? 1 : 0), blocks);
  return gModel(c, "Llama4TextModel", layers, norm(), currentRotary("Llama4TextRotaryEmbedding", headDim(c)));
}

export const llama4Text: TransformersArchitecture = {
  modelType: "llama4_text",
  source: "transformers/models/llama4/modeling_llama4.py",
  config: {
    modelType: "llama4_text",
    defaults: {
      vocab_size: 202048,
      hidden_size: 5120,
      intermediate_size: 8192,
      intermediate_size_mlp: 16384,
      num_hidden_layers: 48,
      num_attention_heads: 40,
      num_key_value_heads: 8,
      head_dim: 128,
      hidden_act: "silu",
      max_position_embeddings: 4096 * 32,
      rms_norm_eps: 1e-5,
      bos_token_id: 1,
      eos_token_id: 2,
      tie_word_embeddings: false,
      num_experts_per_tok: 1,
      num_local_experts: 16,
      moe_layers: null,
      interleave_moe_layer_step: 1,
      use_qk_norm: true,
      no_rope_layers: null,
      no_rope_layer_interval: 4,
      attention_chunk_size: 8192,
      attention_bias: false,
    },
    derive: (c) => {
      deriveKvHeads(c);
      c.setDefault("head_dim", Math.floor(c.int("hidden_size") / c.positiveInt("num_attention_heads")));
      // moe_layers defaults to every `interleave_moe_layer_step`-th layer, counting from step - 1.
      const step = c.positiveInt("interleave_moe_layer_step");
      const n = c.int("num_hidden_layers");
      if (c.get("moe_layers") !== undefined && c.get("moe_layers") !== null) return;
      // One index per MoE layer, then walked layer by layer: bounded like every per-index layer list.
      checkIndexedLayers(n, "layers (`num_hidden_layers`) of dense and MoE kinds");
      const every: number[] = [];
      for (let i = step - 1; i < n; i += step) every.push(i);
      c.setDefault("moe_layers", every);
    },
  },
  models: {
    AutoModel: (c) => built(llama4TextModel(c), NO_SPLIT),
    AutoModelForCausalLM: (c) => causalLm(c, "Llama4ForCausalLM", llama4TextModel(c), NO_SPLIT),
  },
};
