// transformers/models/deepseek_v3/{configuration,modeling}_deepseek_v3.py (transformers 5.x)
import type { Config } from "../../config/config.js";
import { linear, rmsNorm } from "../../modules/blocks.js";
import { buffer, module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { causalLm, deriveKvHeads, gatedMlp } from "./shared/decoder.js";
import { currentRotary, fusedExperts, gLayer, gModel, layerRuns } from "./shared/current-decoder.js";

const NO_SPLIT = ["DeepseekV3DecoderLayer"];
const norm = (dim: number) => rmsNorm("DeepseekV3RMSNorm", dim);

/** Multi-head latent attention: low-rank q (unless q_lora_rank is null) and a compressed kv shared by all heads. */
function mla(c: Config) {
  const hidden = c.positiveInt("hidden_size");
  const heads = c.positiveInt("num_attention_heads");
  const qLora = c.optionalInt("q_lora_rank");
  const kvLora = c.positiveInt("kv_lora_rank");
  const rope = c.int("qk_rope_head_dim");
  const nope = c.int("qk_nope_head_dim");
  const v = c.int("v_head_dim");
  const bias = c.bool("attention_bias");
  return module("DeepseekV3Attention", {
    children: {
      q_proj: qLora === undefined && linear(hidden, heads * (nope + rope), false),
      q_a_proj: qLora !== undefined && linear(hidden, qLora, bias),
      q_a_layernorm: qLora !== undefined && norm(qLora),
      q_b_proj: qLora !== undefined && linear(qLora, heads * (nope + rope), false),
      kv_a_proj_with_mqa: linear(hidden, kvLora + rope, bias),
      kv_a_layernorm: norm(kvLora),
      kv_b_proj: linear(kvLora, heads * (nope + v), false),
      o_proj: linear(heads * v, hidden, bias),
    },
  });
}

function deepseekV3Model(c: Config) {
  const hidden = c.positiveInt("hidden_size");
  const experts = c.int("n_routed_experts");
  const moeInter = c.int("moe_intermediate_size");
  const moe = module("DeepseekV3MoE", {
    children: {
      experts: fusedExperts("DeepseekV3NaiveMoe", experts, hidden, moeInter),
      // The router's score-correction bias is a persistent float32 buffer, not a parameter.
      gate: module("DeepseekV3TopkRouter", {
        params: { weight: [experts, hidden] },
        buffers: { e_score_correction_bias: buffer([experts]) },
      }),
      shared_experts: gatedMlp("DeepseekV3MLP", hidden, moeInter * c.int("n_shared_experts")),
    },
  });
  const attention = mla(c);
  const blocks = [
    gLayer("DeepseekV3DecoderLayer", attention, gatedMlp("DeepseekV3MLP", hidden, c.int("intermediate_size")), () => norm(hidden)),
    gLayer("DeepseekV3DecoderLayer", attention, moe, () => norm(hidden)),
  ];
  const firstDense = c.int("first_k_dense_replace");
  const layers = layerRuns(c.int("num_hidden_layers"), (i) => (i >= firstDense ? 1 : 0), blocks);
  // head_dim is qk_rope_head_dim: only the rotary slice of each head is rotated.
  return gModel(c, "DeepseekV3Model", layers, norm(hidden), currentRotary("DeepseekV3RotaryEmbedding", c.int("head_dim")));
}

export const deepseekV3: TransformersArchitecture = {
  modelType: "deepseek_v3",
  source: "transformers/models/deepseek_v3/modeling_deepseek_v3.py",
  config: {
    modelType: "deepseek_v3",
    defaults: {
      vocab_size: 129280,
      hidden_size: 7168,
      intermediate_size: 18432,
      moe_intermediate_size: 2048,
      num_hidden_layers: 61,
      num_attention_heads: 128,
      num_key_value_heads: 128,
      n_shared_experts: 1,
      n_routed_experts: 256,
      routed_scaling_factor: 2.5,
      kv_lora_rank: 512,
      q_lora_rank: 1536,
      qk_rope_head_dim: 64,
      v_head_dim: 128,
      qk_nope_head_dim: 128,
      n_group: 8,
      topk_group: 4,
      num_experts_per_tok: 8,
      first_k_dense_replace: 3,
      norm_topk_prob: true,
      hidden_act: "silu",
      max_position_embeddings: 4096,
      rms_norm_eps: 1e-6,
      bos_token_id: 0,
      eos_token_id: 1,
      tie_word_embeddings: false,
      rope_interleave: true,
      attention_bias: false,
    },
    attributeMap: { num_local_experts: "n_routed_experts" },
    derive: (c) => {
      deriveKvHeads(c);
      c.set("qk_head_dim", c.int("qk_nope_head_dim") + c.int("qk_rope_head_dim"));
      // __init__ sets head_dim = qk_rope_head_dim before super().__init__(**kwargs), so a file value still wins.
      c.setDefault("head_dim", c.get("qk_rope_head_dim"));
    },
  },
  models: {
    AutoModel: (c) => built(deepseekV3Model(c), NO_SPLIT),
    AutoModelForCausalLM: (c) => causalLm(c, "DeepseekV3ForCausalLM", deepseekV3Model(c), NO_SPLIT),
  },
};
