// transformers/models/mamba2/{configuration,modeling}_mamba2.py (4.47)
import type { Config } from "../../config/config.js";
import { conv1d, embedding, linear, rmsNorm } from "../../modules/blocks.js";
import { module, repeat, type Module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { lmHead } from "./shared/fairseq-decoder.js";

function model(c: Config): Module {
  const hidden = c.positiveInt("hidden_size");
  const inter = Math.floor(c.number("expand") * hidden);
  const heads = c.int("num_heads");
  // The conv runs over x, B and C together: B and C are n_groups × state wide each.
  const convDim = inter + 2 * c.int("n_groups") * c.int("state_size");
  const bias = c.bool("use_bias");
  const mixer = module("Mamba2Mixer", {
    params: { dt_bias: [heads], A_log: [heads], D: [heads] },
    children: {
      conv1d: conv1d(convDim, convDim, c.positiveInt("conv_kernel"), { groups: convDim, bias: c.bool("use_conv_bias") }),
      in_proj: linear(hidden, inter + convDim + heads, bias),
      norm: rmsNorm("MambaRMSNormGated", inter),
      out_proj: linear(inter, hidden, bias),
    },
  });
  const block = module("Mamba2Block", { children: { norm: rmsNorm("Mamba2RMSNorm", hidden), mixer } });
  return module("Mamba2Model", {
    children: {
      embeddings: embedding(c.int("vocab_size"), hidden),
      layers: repeat(block, c.int("num_hidden_layers")),
      norm_f: rmsNorm("Mamba2RMSNorm", hidden),
    },
  });
}

const NO_SPLIT = ["Mamba2Block"];

export const mamba2: TransformersArchitecture = {
  modelType: "mamba2",
  source: "transformers/models/mamba2/modeling_mamba2.py",
  config: {
    modelType: "mamba2",
    defaults: {
      num_heads: 128,
      head_dim: 64,
      vocab_size: 32768,
      hidden_size: 4096,
      state_size: 128,
      num_hidden_layers: 64,
      layer_norm_epsilon: 1e-5,
      pad_token_id: 1,
      bos_token_id: 0,
      eos_token_id: 2,
      expand: 2,
      conv_kernel: 4,
      n_groups: 8,
      use_bias: false,
      use_conv_bias: true,
      hidden_act: "silu",
      residual_in_fp32: true,
      time_step_rank: "auto",
      rms_norm: true,
      chunk_size: 256,
      tie_word_embeddings: false,
    },
  },
  models: {
    AutoModel: (c) => built(model(c), NO_SPLIT),
    AutoModelForCausalLM: (c) =>
      built(
        module("Mamba2ForCausalLM", {
          children: { backbone: model(c), lm_head: lmHead(c.positiveInt("hidden_size"), c.int("vocab_size")) },
        }),
        NO_SPLIT,
      ),
  },
};
