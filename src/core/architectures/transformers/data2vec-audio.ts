// transformers/models/data2vec/{configuration_data2vec_audio,modeling_data2vec_audio}.py (4.47)
import { conv1d, layerNorm, linear } from "../../modules/blocks.js";
import { module, repeat, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { bartAttention } from "./shared/bart-family.js";
import { featureProjection, hasMaskedSpecEmbed, layerNormFeatureEncoder, positionalConvLayers, speechFeedForward } from "./shared/wav2vec2-family.js";
import { built } from "./shared/build.js";

const P = "Data2VecAudio";

function encoder(c: Config): Module {
  const h = c.positiveInt("hidden_size");
  c.divisible("hidden_size", "num_attention_heads");
  const layer = module(`${P}EncoderLayer`, {
    children: {
      attention: bartAttention({ prefix: P }, h),
      layer_norm: layerNorm(h),
      feed_forward: speechFeedForward(P, h, c.int("intermediate_size")),
      final_layer_norm: layerNorm(h),
    },
  });
  return module(`${P}Encoder`, {
    children: { pos_conv_embed: positionalConvLayers(c, P), layer_norm: layerNorm(h), layers: repeat(layer, c.int("num_hidden_layers")) },
  });
}

/** Optional adapter: a projection when the output width differs, then strided GLU-ready convolutions. */
function adapter(c: Config): Module {
  const h = c.positiveInt("hidden_size");
  const out = c.positiveInt("output_hidden_size");
  const layer = module(`${P}AdapterLayer`, { children: { conv: conv1d(out, 2 * out, c.int("adapter_kernel_size")) } });
  return module(`${P}Adapter`, {
    children: {
      proj: out !== h && linear(h, out),
      proj_layer_norm: out !== h && layerNorm(out),
      layers: repeat(layer, c.int("num_adapter_layers")),
    },
  });
}

export function data2vecAudioModel(c: Config): Module {
  const h = c.positiveInt("hidden_size");
  const dims = c.intList("conv_dim");
  return module(`${P}Model`, {
    params: { masked_spec_embed: hasMaskedSpecEmbed(c) && [h] },
    children: {
      feature_extractor: layerNormFeatureEncoder(c, P),
      feature_projection: featureProjection(P, dims[dims.length - 1] ?? 1, h),
      encoder: encoder(c),
      adapter: c.bool("add_adapter") && adapter(c),
    },
  });
}

export const data2vecAudio: TransformersArchitecture = {
  modelType: "data2vec-audio",
  source: "transformers/models/data2vec/modeling_data2vec_audio.py",
  config: {
    modelType: "data2vec-audio",
    defaults: {
      vocab_size: 32,
      hidden_size: 768,
      num_hidden_layers: 12,
      num_attention_heads: 12,
      intermediate_size: 3072,
      hidden_act: "gelu",
      layer_norm_eps: 1e-5,
      feat_extract_activation: "gelu",
      conv_dim: [512, 512, 512, 512, 512, 512, 512],
      conv_stride: [5, 2, 2, 2, 2, 2, 2],
      conv_kernel: [10, 3, 3, 3, 3, 2, 2],
      conv_bias: false,
      num_conv_pos_embedding_groups: 16,
      conv_pos_kernel_size: 19,
      num_conv_pos_embeddings: 5,
      mask_time_prob: 0.05,
      mask_feature_prob: 0.0,
      pad_token_id: 0,
      bos_token_id: 1,
      eos_token_id: 2,
      add_adapter: false,
      adapter_kernel_size: 3,
      adapter_stride: 2,
      num_adapter_layers: 3,
      output_hidden_size: null,
    },
    derive: (c) => {
      c.setDefault("output_hidden_size", c.get("hidden_size"));
      c.set("num_feat_extract_layers", c.intList("conv_dim").length);
    },
  },
  models: { AutoModel: (c) => built(data2vecAudioModel(c), null) },
};
