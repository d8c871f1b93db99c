// transformers/models/zamba/{configuration,modeling}_zamba.py (4.47)
import type { Config } from "../../config/config.js";
import { InvalidConfigError } from "../../errors.js";
import { conv1d, embedding, linear, rmsNorm } from "../../modules/blocks.js";
import { checkIndexedLayers, alias, list, module, type Module, type Run } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { gatedMlp } from "./shared/decoder.js";
import { lmHead } from "./shared/fairseq-decoder.js";

/** ZambaMambaMixer: Mamba with its x/dt projections stored per mamba head as raw parameters. */
function mambaLayer(c: Config): Module {
  const hidden = c.positiveInt("hidden_size");
  const inter = c.int("mamba_expand") * hidden;
  const heads = c.positiveInt("n_mamba_heads");
  if (inter % heads !== 0) throw new InvalidConfigError(`${c.label}: \`intermediate_size\` should be divisible by \`n_mamba_heads\``, "n_mamba_heads");
  const headDim = inter / heads;
  const rank = c.int("mamba_dt_rank");
  const state = c.int("mamba_d_state");
  const bias = c.bool("mamba_proj_bias");
  const mixer = module("ZambaMambaMixer", {
    params: {
      x_proj_weight: [heads, rank + 2 * state, headDim],
      dt_proj_weight: [heads, headDim, rank],
      dt_proj_bias: [heads, headDim],
      A_log: [heads, headDim, state],
      D: [heads, headDim],
    },
    children: {
      conv1d: conv1d(inter, inter, c.positiveInt("mamba_d_conv"), { groups: inter, bias: c.bool("mamba_conv_bias") }),
      in_proj: linear(hidden, 2 * inter, bias),
      out_proj: linear(inter, hidden, bias),
    },
  });
  return module("ZambaMambaDecoderLayer", { children: { mamba: mixer, input_layernorm: rmsNorm("ZambaRMSNorm", hidden) } });
}

/** The one attention+MLP block every hybrid layer reuses; its input is [hidden, embeddings] concatenated. */
function sharedTransformer(c: Config): Module {
  const hidden = c.positiveInt("hidden_size");
  const attnIn = c.int("attention_hidden_size");
  const dim = c.int("attention_head_dim");
  const heads = c.positiveInt("num_attention_heads");
  const kv = c.positiveInt("num_key_value_heads") * dim;
  return module("ZambaAttentionDecoderLayer", {
    children: {
      self_attn: module("ZambaAttention", {
        children: {
          q_proj: linear(attnIn, heads * dim, false),
          k_proj: linear(attnIn, kv, false),
          v_proj: linear(attnIn, kv, false),
          o_proj: linear(heads * dim, hidden, false),
        },
      }),
      feed_forward: gatedMlp("ZambaMLP", hidden, c.int("intermediate_size")),
      input_layernorm: rmsNorm("ZambaRMSNorm", attnIn),
      pre_ff_layernorm: rmsNorm("ZambaRMSNorm", hidden),
    },
  });
}

function model(c: Config): Module {
  const hidden = c.positiveInt("hidden_size");
  const types = c.list("layers_block_type");
  if (types.length !== c.int("num_hidden_layers")) {
    throw new InvalidConfigError(`${c.label}: \`layers_block_type\` must list one type per layer`, "layers_block_type");
  }
  const shared = sharedTransformer(c);
  const mamba = mambaLayer(c);
  const hybrid = (transformer: Module) =>
    module("ZambaHybridLayer", { children: { shared_transf: transformer, linear: linear(hidden, hidden, false), mamba_decoder: mamba } });
  // The shared block counts at its first hybrid layer; later ones reach the same tensors again.
  const firstHybrid = hybrid(shared);
  const laterHybrid = hybrid(alias(shared));
  const runs: Run[] = [];
  let seenHybrid = false;
  for (const type of types) {
    const isHybrid = type === "hybrid";
    const block = isHybrid ? (seenHybrid ? laterHybrid : firstHybrid) : mamba;
    const last = runs[runs.length - 1];
    if (last && last.module === block) runs[runs.length - 1] = { module: block, count: last.count + 1 };
    else runs.push({ module: block, count: 1 });
    if (isHybrid) seenHybrid = true;
  }
  return module("ZambaModel", {
    children: {
      embed_tokens: embedding(c.int("vocab_size"), hidden),
      layers: list("ModuleList", ...runs),
      final_layernorm: rmsNorm("ZambaRMSNorm", hidden),
    },
  });
}

function deriveZamba(c: Config): void {
  const hidden = c.positiveInt("hidden_size");
  c.setDefault("attention_hidden_size", 2 * hidden);
  c.setDefault("attention_head_dim", Math.floor((2 * hidden) / c.positiveInt("num_attention_heads")));
  if (c.get("mamba_dt_rank") === "auto") c.set("mamba_dt_rank", Math.ceil(hidden / 16));
  const n = c.int("num_hidden_layers");
  const period = c.positiveInt("attn_layer_period");
  const offset = c.int("attn_layer_offset");
  if (c.get("layers_block_type") !== undefined && c.get("layers_block_type") !== null) return;
  checkIndexedLayers(n, "layers (`num_hidden_layers`) of mamba and hybrid kinds");
  const types = ["mamba", "mamba", "hybrid"];
  for (let i = 0; i < n - 3; i++) types.push(i % period === offset ? "hybrid" : "mamba");
  c.setDefault("layers_block_type", types);
}

const NO_SPLIT = ["ZambaAttentionDecoderLayer", "ZambaMambaDecoderLayer"];

export const zamba: TransformersArchitecture = {
  modelType: "zamba",
  source: "transformers/models/zamba/modeling_zamba.py",
  config: {
    modelType: "zamba",
    defaults: {
      vocab_size: 32000,
      tie_word_embeddings: true,
      hidden_size: 3712,
      attention_hidden_size: null,
      intermediate_size: 14848,
      num_hidden_layers: 76,
      num_attention_heads: 16,
      attention_head_dim: null,
      num_key_value_heads: 16,
      n_mamba_heads: 2,
      hidden_act: "gelu",
      hidden_mamba_act: "silu",
      rms_norm_eps: 1e-5,
      pad_token_id: 0,
      bos_token_id: 1,
      eos_token_id: 2,
      max_position_embeddings: 4096,
      attn_layer_period: 6,
      attn_layer_offset: 4,
      use_mamba_kernels: true,
      mamba_d_state: 16,
      mamba_d_conv: 4,
      mamba_expand: 2,
      mamba_dt_rank: "auto",
      mamba_conv_bias: true,
      mamba_proj_bias: false,
    },
    derive: deriveZamba,
  },
  models: {
    AutoModel: (c) => built(model(c), NO_SPLIT),
    AutoModelForCausalLM: (c) =>
      built(
        module("ZambaForCausalLM", {
          children: { model: model(c), lm_head: lmHead(c.positiveInt("hidden_size"), c.int("vocab_size")) },
        }),
        NO_SPLIT,
      ),
  },
};
