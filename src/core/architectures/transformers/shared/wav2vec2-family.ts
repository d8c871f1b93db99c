// Pieces of the wav2vec2 family as transformers/models/{wav2vec2,data2vec,wav2vec2_bert}/modeling_*.py build them.
import { conv1d, layerNorm, linear } from "../../../modules/blocks.js";
import { list, module, type Module } from "../../../modules/module.js";
import type { Config } from "../../../config/config.js";
import { InvalidConfigError } from "../../../errors.js";
import { layerRuns } from "./layer-runs.js";

/** `conv_dim`, `conv_kernel`, `conv_stride` must line up, as the feature encoder zips them. */
export function convSpec(c: Config): { dims: number[]; kernels: number[] } {
  const dims = c.intList("conv_dim");
  const kernels = c.intList("conv_kernel");
  const strides = c.intList("conv_stride");
  if (kernels.length !== dims.length || strides.length !== dims.length) {
    throw new InvalidConfigError(`${c.label}: \`conv_dim\`, \`conv_kernel\` and \`conv_stride\` must have the same length`, "conv_dim");
  }
  return { dims, kernels };
}

/** `XxxFeatureEncoder` whose every conv layer has a LayerNorm (`feat_extract_norm == "layer"` style). */
export function layerNormFeatureEncoder(c: Config, prefix: string): Module {
  const { dims, kernels } = convSpec(c);
  const bias = c.bool("conv_bias");
  const layer = (i: number) =>
    module(`${prefix}ConvLayer`, {
      children: { conv: conv1d(i === 0 ? 1 : dims[i - 1]!, dims[i]!, kernels[i]!, { bias }), layer_norm: layerNorm(dims[i]!) },
    });
  const key = (i: number) => `${i === 0 ? 1 : dims[i - 1]}-${dims[i]}-${kernels[i]}`;
  return module(`${prefix}FeatureEncoder`, { children: { conv_layers: list("ModuleList", ...layerRuns(c.label, dims.length, key, layer)) } });
}

/** `XxxFeatureProjection`: LayerNorm over the last conv's channels, then a projection to the hidden size. */
export function featureProjection(prefix: string, inDim: number, hidden: number): Module {
  return module(`${prefix}FeatureProjection`, { children: { layer_norm: layerNorm(inDim), projection: linear(inDim, hidden) } });
}

/** `XxxFeedForward`: intermediate_dense then output_dense. */
export function speechFeedForward(prefix: string, hidden: number, inter: number): Module {
  return module(`${prefix}FeedForward`, { children: { intermediate_dense: linear(hidden, inter), output_dense: linear(inter, hidden) } });
}

/** Grouped positional convolutions; their LayerNorm (data2vec-audio) has no affine tensors. */
export function positionalConvLayers(c: Config, prefix: string): Module {
  const h = c.positiveInt("hidden_size");
  const groups = c.positiveInt("num_conv_pos_embedding_groups");
  c.divisible("hidden_size", "num_conv_pos_embedding_groups");
  const layer = module(`${prefix}PositionalConvLayer`, {
    children: { conv: conv1d(h, h, c.int("conv_pos_kernel_size"), { groups }) },
  });
  return module(`${prefix}PositionalConvEmbedding`, {
    children: { layers: list("ModuleList", { module: layer, count: c.int("num_conv_pos_embeddings") }) },
  });
}

/** `mask_time_prob > 0 or mask_feature_prob > 0`: the model keeps a learned mask vector. */
export function hasMaskedSpecEmbed(c: Config): boolean {
  return c.number("mask_time_prob") > 0 || c.number("mask_feature_prob") > 0;
}
