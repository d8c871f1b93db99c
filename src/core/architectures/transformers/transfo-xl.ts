// transformers/models/deprecated/transfo_xl/{configuration,modeling}_transfo_xl.py (4.47)
import type { Config } from "../../config/config.js";
import { InvalidConfigError } from "../../errors.js";
import { embedding, layerNorm, linear } from "../../modules/blocks.js";
import { buffer, list, module, repeat, stateless, type Module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";

/** AdaptiveEmbedding: one table per vocabulary cluster, each narrower by div_val, projected back to d_model. */
function adaptiveEmbedding(c: Config): Module {
  const vocab = c.int("vocab_size");
  const dEmbed = c.int("d_embed");
  const dProj = c.positiveInt("d_model");
  const div = c.positiveInt("div_val");
  const ends = [0, ...c.intList("cutoffs"), vocab];
  const layers: Module[] = [];
  const projs: Record<string, number[]> = {};
  if (div === 1) {
    layers.push(embedding(vocab, dEmbed));
    if (dProj !== dEmbed) projs["0"] = [dProj, dEmbed];
  } else {
    for (let i = 0; i + 1 < ends.length; i++) {
      const width = Math.floor(dEmbed / div ** i);
      layers.push(embedding(ends[i + 1]! - ends[i]!, width));
      projs[String(i)] = [dProj, width];
    }
  }
  return module("AdaptiveEmbedding", {
    children: { emb_layers: list("ModuleList", ...layers), emb_projs: module("ParameterList", { params: projs }) },
  });
}

function model(c: Config): Module {
  const d = c.positiveInt("d_model");
  const heads = c.positiveInt("n_head");
  const dHead = c.int("d_head");
  const inner = c.int("d_inner");
  if (c.int("attn_type") !== 0) throw new InvalidConfigError(`${c.label}: only \`attn_type\` 0 is implemented`, "attn_type");
  const untie = c.bool("untie_r");
  // With untie_r false the model owns the biases and assigns them to every layer; accelerate's empty init turns
  // each assignment into a new Parameter, so the layers' copies count as well.
  const rBias = [heads, dHead];
  const layer = module("RelPartialLearnableDecoderLayer", {
    children: {
      dec_attn: module("RelPartialLearnableMultiHeadAttn", {
        params: { r_r_bias: rBias, r_w_bias: rBias },
        children: {
          qkv_net: linear(d, 3 * heads * dHead, false),
          o_net: linear(heads * dHead, d, false),
          layer_norm: layerNorm(d),
          r_net: linear(d, heads * dHead, false),
        },
      }),
      pos_ff: module("PositionwiseFF", {
        children: { CoreNet: list("Sequential", linear(d, inner), stateless("ReLU"), stateless("Dropout"), linear(inner, d)), layer_norm: layerNorm(d) },
      }),
    },
  });
  return module("TransfoXLModel", {
    params: { r_w_bias: !untie && [heads, dHead], r_r_bias: !untie && [heads, dHead] },
    children: {
      word_emb: adaptiveEmbedding(c),
      layers: repeat(layer, c.int("n_layer")),
      pos_emb: module("PositionalEmbedding", { buffers: { inv_freq: buffer([Math.ceil(d / 2)]) } }),
    },
  });
}

export const transfoXl: TransformersArchitecture = {
  modelType: "transfo-xl",
  source: "transformers/models/deprecated/transfo_xl/modeling_transfo_xl.py",
  config: {
    modelType: "transfo-xl",
    defaults: {
      vocab_size: 267735,
      cutoffs: [20000, 40000, 200000],
      d_model: 1024,
      d_embed: 1024,
      n_head: 16,
      d_head: 64,
      d_inner: 4096,
      div_val: 4,
      pre_lnorm: false,
      n_layer: 18,
      mem_len: 1600,
      clamp_len: 1000,
      same_length: true,
      proj_share_all_but_first: true,
      attn_type: 0,
      sample_softmax: -1,
      adaptive: true,
      untie_r: true,
      layer_norm_epsilon: 1e-5,
      eos_token_id: 0,
    },
    attributeMap: { n_token: "vocab_size", hidden_size: "d_model", num_attention_heads: "n_head", num_hidden_layers: "n_layer" },
  },
  models: { AutoModel: (c) => built(model(c), null) },
};
