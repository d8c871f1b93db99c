// transformers/models/switch_transformers/{configuration,modeling}_switch_transformers.py (4.47)
import { embedding, linear, rmsNorm } from "../../modules/blocks.js";
import { checkIndexedLayers, module, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { t5StyleAttention, t5StyleStack } from "./shared/t5-style.js";
import { built } from "./shared/build.js";

const P = "SwitchTransformers";

function dense(c: Config): Module {
  const d = c.positiveInt("d_model");
  const ff = c.int("d_ff");
  return module(`${P}DenseActDense`, { children: { wi: linear(d, ff, false), wo: linear(ff, d, false) } });
}

/** `SwitchTransformersSparseMLP`: a top-1 router, then `num_experts` dense MLPs in a ModuleDict. */
function sparseMlp(c: Config): Module {
  const experts = c.int("num_experts");
  checkIndexedLayers(experts, "experts (`num_experts`), each its own ModuleDict entry");
  const expert = dense(c);
  return module(`${P}SparseMLP`, {
    children: {
      router: module(`${P}Top1Router`, { children: { classifier: linear(c.positiveInt("d_model"), experts, c.bool("router_bias")) } }),
      experts: module("ModuleDict", { children: Object.fromEntries(Array.from({ length: experts }, (_, i) => [`expert_${i}`, expert])) }),
    },
  });
}

function switchStack(c: Config, shared: Module, decoder: boolean): Module {
  const d = c.positiveInt("d_model");
  const step = c.int(decoder ? "decoder_sparse_step" : "encoder_sparse_step");
  const sparse = (i: number) => (step > 0 ? i % step === 1 || step === 1 : false);
  return t5StyleStack(c, {
    prefix: P,
    decoder,
    layers: c.int(decoder ? "num_decoder_layers" : "num_layers"),
    shared,
    // Its own table, weight re-pointed at `shared`'s: un-tied by accelerate's empty init.
    tokens: "copy",
    selfAttention: (i) =>
      module(`${P}LayerSelfAttention`, { children: { SelfAttention: t5StyleAttention(c, `${P}Attention`, i === 0), layer_norm: rmsNorm(`${P}LayerNorm`, d) } }),
    feedForward: (i) => module(`${P}LayerFF`, { children: { mlp: sparse(i) ? sparseMlp(c) : dense(c), layer_norm: rmsNorm(`${P}LayerNorm`, d) } }),
    blockKey: (i) => `${i === 0}-${sparse(i)}`,
  });
}

function switchModel(c: Config): Module {
  const shared = embedding(c.int("vocab_size"), c.positiveInt("d_model"));
  return module(`${P}Model`, { children: { shared, encoder: switchStack(c, shared, false), decoder: switchStack(c, shared, true) } });
}

export const switchTransformers: TransformersArchitecture = {
  modelType: "switch_transformers",
  source: "transformers/models/switch_transformers/modeling_switch_transformers.py",
  config: {
    modelType: "switch_transformers",
    defaults: {
      vocab_size: 32128,
      d_model: 768,
      d_kv: 64,
      d_ff: 2048,
      expert_capacity: 64,
      num_layers: 12,
      num_sparse_encoder_layers: 3,
      num_decoder_layers: 12,
      num_sparse_decoder_layers: 3,
      num_heads: 12,
      num_experts: 8,
      router_bias: false,
      relative_attention_num_buckets: 32,
      relative_attention_max_distance: 128,
      dense_act_fn: "relu",
      is_encoder_decoder: true,
      pad_token_id: 0,
      eos_token_id: 1,
    },
    attributeMap: { hidden_size: "d_model", num_attention_heads: "num_heads", num_hidden_layers: "num_layers" },
    // A stack with no sparse layers still gets step = its depth, so its layer 1 is sparse (as in __init__).
    derive: (c) => {
      const enc = c.int("num_sparse_encoder_layers");
      c.set("encoder_sparse_step", enc > 0 ? Math.floor(c.int("num_layers") / enc) : c.int("num_layers"));
      const dec = c.int("num_sparse_decoder_layers");
      c.set("decoder_sparse_step", dec > 0 ? Math.floor(c.int("num_decoder_layers") / dec) : c.int("num_decoder_layers"));
    },
  },
  models: { AutoModel: (c) => built(switchModel(c), [`${P}Block`]) },
};
