// transformers/models/jamba/{configuration,modeling}_jamba.py (4.47)
import type { Config } from "../../config/config.js";
import { embedding, linear, rmsNorm } from "../../modules/blocks.js";
import { checkIndexedLayers, list, module, repeat, type Module, type Run } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { gatedMlp } from "./shared/decoder.js";
import { lmHead } from "./shared/fairseq-decoder.js";
import { mambaMixer } from "./mamba.js";

function feedForward(c: Config, experts: number): Module {
  const hidden = c.positiveInt("hidden_size");
  const mlp = gatedMlp("JambaMLP", hidden, c.int("intermediate_size"));
  if (experts <= 1) return mlp;
  return module("JambaSparseMoeBlock", { children: { router: linear(hidden, experts, false), experts: repeat(mlp, experts) } });
}

function layer(c: Config, attention: boolean, experts: number): Module {
  const hidden = c.positiveInt("hidden_size");
  const norm = () => rmsNorm("JambaRMSNorm", hidden);
  if (attention) {
    const heads = c.positiveInt("num_attention_heads");
    const dim = c.divisible("hidden_size", "num_attention_heads");
    const kv = c.positiveInt("num_key_value_heads") * dim;
    const self_attn = module("JambaAttention", {
      children: {
        q_proj: linear(hidden, heads * dim, false),
        k_proj: linear(hidden, kv, false),
        v_proj: linear(hidden, kv, false),
        o_proj: linear(heads * dim, hidden, false),
      },
    });
    return module("JambaAttentionDecoderLayer", {
      children: { self_attn, feed_forward: feedForward(c, experts), input_layernorm: norm(), pre_ff_layernorm: norm() },
    });
  }
  const rank = c.int("mamba_dt_rank");
  const state = c.int("mamba_d_state");
  const inter = c.int("mamba_expand") * hidden;
  const mamba = mambaMixer(
    "JambaMambaMixer",
    { hidden, inter, state, rank, kernel: c.positiveInt("mamba_d_conv"), bias: c.bool("mamba_proj_bias"), convBias: c.bool("mamba_conv_bias") },
    { norms: { dt_layernorm: rmsNorm("JambaRMSNorm", rank), b_layernorm: rmsNorm("JambaRMSNorm", state), c_layernorm: rmsNorm("JambaRMSNorm", state) } },
  );
  return module("JambaMambaDecoderLayer", {
    children: { mamba, feed_forward: feedForward(c, experts), input_layernorm: norm(), pre_ff_layernorm: norm() },
  });
}

function model(c: Config): Module {
  const hidden = c.positiveInt("hidden_size");
  const n = c.int("num_hidden_layers");
  const attnPeriod = c.positiveInt("attn_layer_period");
  const attnOffset = c.int("attn_layer_offset");
  const expertPeriod = c.positiveInt("expert_layer_period");
  const expertOffset = c.int("expert_layer_offset");
  const experts = c.positiveInt("num_experts");
  // Layers follow two periodic patterns (attention vs Mamba, MoE vs dense): consecutive equal kinds share a run.
  checkIndexedLayers(n, "layers (`num_hidden_layers`) of alternating kinds");
  const runs: Run[] = [];
  const kinds = new Map<string, Module>();
  let previous = "";
  for (let i = 0; i < n; i++) {
    const attention = i % attnPeriod === attnOffset;
    const count = i % expertPeriod === expertOffset ? experts : 1;
    const key = `${attention}:${count}`;
    if (key === previous) {
      const last = runs[runs.length - 1]!;
      runs[runs.length - 1] = { module: last.module, count: last.count + 1 };
    } else {
      if (!kinds.has(key)) kinds.set(key, layer(c, attention, count));
      runs.push({ module: kinds.get(key) as Module, count: 1 });
    }
    previous = key;
  }
  return module("JambaModel", {
    children: {
      embed_tokens: embedding(c.int("vocab_size"), hidden),
      layers: list("ModuleList", ...runs),
      final_layernorm: rmsNorm("JambaRMSNorm", hidden),
    },
  });
}

const NO_SPLIT = ["JambaAttentionDecoderLayer", "JambaMambaDecoderLayer"];

export const jamba: TransformersArchitecture = {
  modelType: "jamba",
  source: "transformers/models/jamba/modeling_jamba.py",
  config: {
    modelType: "jamba",
    defaults: {
      vocab_size: 65536,
      tie_word_embeddings: false,
      hidden_size: 4096,
      intermediate_size: 14336,
      num_hidden_layers: 32,
      num_attention_heads: 32,
      num_key_value_heads: 8,
      hidden_act: "silu",
      rms_norm_eps: 1e-6,
      use_cache: true,
      num_logits_to_keep: 1,
      pad_token_id: 0,
      bos_token_id: 1,
      eos_token_id: 2,
      sliding_window: null,
      max_position_embeddings: 262144,
      num_experts_per_tok: 2,
      num_experts: 16,
      expert_layer_period: 2,
      expert_layer_offset: 1,
      attn_layer_period: 8,
      attn_layer_offset: 4,
      use_mamba_kernels: true,
      mamba_d_state: 16,
      mamba_d_conv: 4,
      mamba_expand: 2,
      mamba_dt_rank: "auto",
      mamba_conv_bias: true,
      mamba_proj_bias: false,
    },
    derive: (c) => {
      c.setDefault("num_key_value_heads", c.get("num_attention_heads"));
      if (c.get("mamba_dt_rank") === "auto") c.set("mamba_dt_rank", Math.ceil(c.positiveInt("hidden_size") / 16));
    },
  },
  models: {
    AutoModel: (c) => built(model(c), NO_SPLIT),
    AutoModelForCausalLM: (c) =>
      built(
        module("JambaForCausalLM", {
          children: { model: model(c), lm_head: lmHead(c.positiveInt("hidden_size"), c.int("vocab_size")) },
        }),
        NO_SPLIT,
      ),
  },
};
