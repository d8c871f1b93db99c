// transformers/models/recurrent_gemma/{configuration,modeling}_recurrent_gemma.py (4.47): Griffin — layers
// cycle through `block_types` (RG-LRU recurrent blocks and local attention), each followed by a biased gated
// MLP of half the intermediate size; the model keeps a bfloat16 `normalizer` scalar buffer.
import type { Config } from "../../config/config.js";
import { InvalidConfigError } from "../../errors.js";
import { conv1d, embedding, linear, rmsNorm, rotaryEmbedding } from "../../modules/blocks.js";
import { buffer, module, type Module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { gatedMlp } from "./shared/decoder.js";
import { causalLmHead, layerRuns } from "./shared/decoder-variants.js";

type BlockType = "recurrent" | "attention";

function recurrentBlock(c: Config): Module {
  const hidden = c.positiveInt("hidden_size");
  const lru = c.positiveInt("lru_width");
  const heads = c.positiveInt("num_attention_heads");
  const width = Math.floor(lru / heads);
  return module("RecurrentGemmaRecurrentBlock", {
    children: {
      linear_y: linear(hidden, lru),
      linear_x: linear(hidden, lru),
      linear_out: linear(lru, hidden),
      conv_1d: conv1d(lru, lru, c.positiveInt("conv1d_width"), { groups: lru }),
      rg_lru: module("RecurrentGemmaRglru", {
        params: {
          recurrent_param: [lru],
          input_gate_weight: [heads, width, width],
          input_gate_bias: [heads, width],
          recurrent_gate_weight: [heads, width, width],
          recurrent_gate_bias: [heads, width],
        },
      }),
    },
  });
}

function attention(c: Config): Module {
  const hidden = c.positiveInt("hidden_size");
  const heads = c.positiveInt("num_attention_heads");
  const kvHeads = c.positiveInt("num_key_value_heads");
  const dim = c.positiveInt("head_dim");
  const bias = c.bool("attention_bias");
  return module("RecurrentGemmaSdpaAttention", {
    children: {
      q_proj: linear(hidden, heads * dim, bias),
      k_proj: linear(hidden, kvHeads * dim, bias),
      v_proj: linear(hidden, kvHeads * dim, bias),
      o_proj: linear(heads * dim, hidden, true),
      rotary_emb: rotaryEmbedding("RecurrentGemmaRotaryEmbedding", Math.floor(c.number("partial_rotary_factor") * dim)),
    },
  });
}

function layer(c: Config, kind: BlockType): Module {
  const hidden = c.positiveInt("hidden_size");
  const mlp = gatedMlp("RecurrentGemmaMlp", hidden, Math.floor(c.int("intermediate_size") / 2), true);
  return module("RecurrentGemmaDecoderLayer", {
    children: {
      temporal_pre_norm: rmsNorm("RecurrentGemmaRMSNorm", hidden),
      temporal_block: kind === "recurrent" ? recurrentBlock(c) : attention(c),
      channel_pre_norm: rmsNorm("RecurrentGemmaRMSNorm", hidden),
      mlp_block: mlp,
    },
  });
}

function model(c: Config): Module {
  const hidden = c.positiveInt("hidden_size");
  const types = c.list("block_types").map((t, i) => {
    if (t !== "recurrent" && t !== "attention") throw new InvalidConfigError(`${c.label}: \`block_types[${i}]\` must be "recurrent" or "attention"`, "block_types");
    return t as BlockType;
  });
  if (types.length === 0) throw new InvalidConfigError(`${c.label}: \`block_types\` must not be empty`, "block_types");
  // layers_block_type = (block_types * 100)[:num_hidden_layers]
  const count = Math.min(c.int("num_hidden_layers"), types.length * 100);
  return module("RecurrentGemmaModel", {
    buffers: { normalizer: buffer([], "bfloat16", false) },
    children: {
      embed_tokens: embedding(c.int("vocab_size"), hidden),
      layers: layerRuns(count, (i) => types[i % types.length]!, (kind) => layer(c, kind)),
      final_norm: rmsNorm("RecurrentGemmaRMSNorm", hidden),
    },
  });
}

const NO_SPLIT = ["RecurrentGemmaDecoderLayer"];

export const recurrentGemma: TransformersArchitecture = {
  modelType: "recurrent_gemma",
  source: "transformers/models/recurrent_gemma/modeling_recurrent_gemma.py",
  config: {
    modelType: "recurrent_gemma",
    defaults: {
      num_hidden_layers: 26,
      vocab_size: 256000,
      hidden_size: 2560,
      intermediate_size: 3 * 2560,
      num_attention_heads: 10,
      lru_width: null,
      attention_window_size: 2048,
      conv1d_width: 4,
      logits_soft_cap: 30.0,
      rms_norm_eps: 1e-6,
      use_cache: true,
      pad_token_id: 0,
      eos_token_id: 1,
      bos_token_id: 2,
      hidden_activation: "gelu_pytorch_tanh",
      partial_rotary_factor: 0.5,
      rope_theta: 10000.0,
      block_types: ["recurrent", "recurrent", "attention"],
      attention_dropout: 0.0,
      num_key_value_heads: null,
      attention_bias: false,
      w_init_variance_scale: 0.01,
    },
    // A head_dim in the file (kwargs) overrides the one __init__ computes.
    derive: (c) => {
      c.setDefault("lru_width", c.get("hidden_size"));
      c.setDefault("head_dim", Math.floor(c.int("hidden_size") / c.positiveInt("num_attention_heads")));
      c.setDefault("num_key_value_heads", c.get("num_attention_heads"));
    },
  },
  models: {
    AutoModel: (c) => built(model(c), NO_SPLIT),
    AutoModelForCausalLM: (c) => causalLmHead(c, "RecurrentGemmaForCausalLM", model(c), NO_SPLIT),
  },
};
