// transformers/models/mamba/{configuration,modeling}_mamba.py (4.47); FalconMamba (models/falcon_mamba) copies it.
import type { Config } from "../../config/config.js";
import { conv1d, embedding, linear, rmsNorm } from "../../modules/blocks.js";
import { buffer, module, repeat, type Module, type ModuleParts } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { lmHead } from "./shared/fairseq-decoder.js";

/** The selective-scan mixer (Mamba 1): depthwise conv, in/x/dt/out projections, A_log and D. */
export function mambaMixer(
  cls: string,
  o: { hidden: number; inter: number; state: number; rank: number; kernel: number; bias: boolean; convBias: boolean },
  extra: { buffers?: ModuleParts["buffers"]; norms?: Record<string, Module> } = {},
): Module {
  return module(cls, {
    params: { A_log: [o.inter, o.state], D: [o.inter] },
    buffers: extra.buffers ?? {},
    children: {
      conv1d: conv1d(o.inter, o.inter, o.kernel, { groups: o.inter, bias: o.convBias }),
      in_proj: linear(o.hidden, 2 * o.inter, o.bias),
      x_proj: linear(o.inter, o.rank + 2 * o.state, false),
      dt_proj: linear(o.rank, o.inter, true),
      out_proj: linear(o.inter, o.hidden, o.bias),
      ...extra.norms,
    },
  });
}

function model(c: Config, prefix: "Mamba" | "FalconMamba"): Module {
  const hidden = c.positiveInt("hidden_size");
  const inter = c.int("intermediate_size");
  const state = c.int("state_size");
  const dims = { hidden, inter, state, rank: c.int("time_step_rank"), kernel: c.positiveInt("conv_kernel") };
  // FalconMamba's mixer also carries the (non-persistent) weights of its B/C/dt RMS normalisations.
  const buffers = prefix === "FalconMamba" ? { b_c_rms: buffer([state], "float32", false), dt_rms: buffer([inter], "float32", false) } : {};
  const mixer = mambaMixer(`${prefix}Mixer`, { ...dims, bias: c.bool("use_bias"), convBias: c.bool("use_conv_bias") }, { buffers });
  const block = module(`${prefix}Block`, { children: { norm: rmsNorm(`${prefix}RMSNorm`, hidden), mixer } });
  return module(`${prefix}Model`, {
    children: {
      embeddings: embedding(c.int("vocab_size"), hidden),
      layers: repeat(block, c.int("num_hidden_layers")),
      norm_f: rmsNorm(`${prefix}RMSNorm`, hidden),
    },
  });
}

/** `intermediate_size` is computed unless the file stores one; "auto" rank is ⌈hidden / 16⌉. */
export function deriveMamba(c: Config): void {
  c.setDefault("intermediate_size", Math.floor(c.number("expand") * c.positiveInt("hidden_size")));
  if (c.get("time_step_rank") === "auto") c.set("time_step_rank", Math.ceil(c.positiveInt("hidden_size") / 16));
}

export const MAMBA_DEFAULTS = {
  vocab_size: 50280,
  hidden_size: 768,
  state_size: 16,
  num_hidden_layers: 32,
  layer_norm_epsilon: 1e-5,
  pad_token_id: 0,
  bos_token_id: 0,
  eos_token_id: 0,
  expand: 2,
  conv_kernel: 4,
  use_bias: false,
  use_conv_bias: true,
  hidden_act: "silu",
  residual_in_fp32: true,
  time_step_rank: "auto",
  use_cache: true,
  use_mambapy: false,
} as const;

function architecture(modelType: string, prefix: "Mamba" | "FalconMamba", extra: Record<string, unknown>): TransformersArchitecture {
  const noSplit = [`${prefix}Block`, `${prefix}Mixer`];
  return {
    modelType,
    source: `transformers/models/${modelType}/modeling_${modelType}.py`,
    config: { modelType, defaults: { ...MAMBA_DEFAULTS, ...extra }, derive: deriveMamba },
    models: {
      AutoModel: (c) => built(model(c, prefix), noSplit),
      AutoModelForCausalLM: (c) =>
        built(
          module(`${prefix}ForCausalLM`, {
            children: { backbone: model(c, prefix), lm_head: lmHead(c.positiveInt("hidden_size"), c.int("vocab_size")) },
          }),
          noSplit,
        ),
    },
  };
}

export const mamba = architecture("mamba", "Mamba", {});
export const falconMamba = architecture("falcon_mamba", "FalconMamba", { mixer_rms_eps: 1e-6 });
