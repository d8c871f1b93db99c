// transformers/models/mimi/{configuration,modeling}_mimi.py (4.47)
import { conv1d, convTranspose, layerNorm, linear, rotaryEmbedding } from "../../modules/blocks.js";
import { buffer, list, module, repeat, stateless, type Module, type Run } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import { InvalidConfigError } from "../../errors.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";

/** `MimiConv1d` keeps its stride, effective kernel and total padding as int64 scalar buffers (non-persistent). */
function mimiConv(inCh: number, out: number, kernel: number, opts: { stride?: number; groups?: number; bias?: boolean } = {}): Module {
  const scalar = buffer([], "int64", false);
  return module("MimiConv1d", {
    children: { conv: conv1d(inCh, out, kernel, { groups: opts.groups ?? 1, bias: opts.bias ?? true }) },
    buffers: { stride: scalar, kernel_size: scalar, padding_total: scalar },
  });
}

function mimiConvTranspose(inCh: number, out: number, kernel: number, opts: { groups?: number; bias?: boolean } = {}): Module {
  return module("MimiConvTranspose1d", { children: { conv: convTranspose(inCh, out, [kernel], { groups: opts.groups ?? 1, bias: opts.bias ?? true }) } });
}

/** SEANet residual block: (ELU, conv k) then (ELU, conv 1) through `dim / compress` channels; ELUs hold indices. */
function resnetBlock(c: Config, dim: number): Module {
  const hidden = Math.floor(dim / c.positiveInt("compress"));
  return module("MimiResnetBlock", {
    children: {
      block: list("ModuleList", stateless("ELU"), mimiConv(dim, hidden, c.positiveInt("residual_kernel_size")), stateless("ELU"), mimiConv(hidden, dim, 1)),
      shortcut: c.bool("use_conv_shortcut") && mimiConv(dim, dim, 1),
    },
  });
}

function encoder(c: Config): Module {
  const f = c.positiveInt("num_filters");
  const res = c.int("num_residual_layers");
  const layers: (Module | Run)[] = [mimiConv(c.positiveInt("audio_channels"), f, c.positiveInt("kernel_size"))];
  let scale = 1;
  for (const ratio of [...c.intList("upsampling_ratios")].reverse()) {
    // The residual blocks differ only in dilation, which holds no weights: one run of identical blocks.
    layers.push({ module: resnetBlock(c, scale * f), count: res });
    layers.push(stateless("ELU"), mimiConv(scale * f, scale * f * 2, ratio * 2, { stride: ratio }));
    scale *= 2;
  }
  layers.push(stateless("ELU"), mimiConv(scale * f, c.positiveInt("hidden_size"), c.positiveInt("last_kernel_size")));
  return module("MimiEncoder", { children: { layers: list("ModuleList", ...layers) } });
}

function decoder(c: Config): Module {
  const f = c.positiveInt("num_filters");
  const ratios = c.intList("upsampling_ratios");
  let scale = 2 ** ratios.length;
  const layers: (Module | Run)[] = [mimiConv(c.positiveInt("hidden_size"), scale * f, c.positiveInt("kernel_size"))];
  for (const ratio of ratios) {
    const cur = scale * f;
    layers.push(stateless("ELU"), mimiConvTranspose(cur, Math.floor(cur / 2), ratio * 2));
    layers.push({ module: resnetBlock(c, Math.floor(cur / 2)), count: c.int("num_residual_layers") });
    scale = Math.floor(scale / 2);
  }
  layers.push(stateless("ELU"), mimiConv(f, c.positiveInt("audio_channels"), c.positiveInt("last_kernel_size")));
  return module("MimiDecoder", { children: { layers: list("ModuleList", ...layers) } });
}

/** Pre-norm layer with LayerNorms, a plain fc1/fc2 MLP and learned per-channel scales on both residual branches. */
export function mimiTransformerLayer(c: Config): Module {
  const h = c.positiveInt("hidden_size");
  const heads = c.positiveInt("num_attention_heads");
  const kv = c.positiveInt("num_key_value_heads");
  const dim = c.positiveInt("head_dim");
  c.divisible("hidden_size", "num_attention_heads");
  const bias = c.bool("attention_bias");
  const inter = c.int("intermediate_size");
  const scale = module("MimiLayerScale", { params: { scale: [h] } });
  return module("MimiTransformerLayer", {
    children: {
      self_attn: module("MimiAttention", {
        children: {
          q_proj: linear(h, heads * dim, bias),
          k_proj: linear(h, kv * dim, bias),
          v_proj: linear(h, kv * dim, bias),
          o_proj: linear(heads * dim, h, bias),
          rotary_emb: rotaryEmbedding("MimiRotaryEmbedding", dim),
        },
      }),
      mlp: module("MimiMLP", { children: { fc1: linear(h, inter, false), fc2: linear(inter, h, false) } }),
      input_layernorm: layerNorm(h),
      post_attention_layernorm: layerNorm(h),
      self_attn_layer_scale: scale,
      mlp_layer_scale: scale,
    },
  });
}

function rvq(c: Config, n: number): Module {
  const size = c.positiveInt("codebook_size");
  const codebook = module("MimiEuclideanCodebook", {
    buffers: { initialized: buffer([1]), cluster_usage: buffer([size]), embed_sum: buffer([size, c.positiveInt("codebook_dim")]) },
  });
  const h = c.positiveInt("hidden_size");
  const vq = c.positiveInt("vector_quantization_hidden_dimension");
  return module("MimiResidualVectorQuantizer", {
    children: {
      layers: repeat(module("MimiVectorQuantization", { children: { codebook } }), n),
      input_proj: vq !== h && conv1d(h, vq, 1, { bias: false }),
      output_proj: vq !== h && conv1d(vq, h, 1, { bias: false }),
    },
  });
}

export function mimiModel(c: Config): Module {
  const h = c.positiveInt("hidden_size");
  const hop = c.intList("upsampling_ratios").reduce((a, b) => a * b, 1);
  const encodecFrameRate = Math.ceil(c.number("sampling_rate") / hop);
  const frameRate = c.number("frame_rate");
  const resample = frameRate !== encodecFrameRate;
  const k = 2 * Math.trunc(encodecFrameRate / frameRate);
  const semantic = c.int("num_semantic_quantizers");
  const transformer = module("MimiTransformerModel", { children: { layers: repeat(mimiTransformerLayer(c), c.int("num_hidden_layers")) } });
  const size = c.positiveInt("codebook_size");
  if ((size & (size - 1)) !== 0) throw new InvalidConfigError(`${c.label}: \`codebook_size\` must be a power of 2`, "codebook_size");
  return module("MimiModel", {
    children: {
      encoder: encoder(c),
      encoder_transformer: transformer,
      downsample: resample && mimiConv(h, h, k, { stride: 2, bias: false }),
      upsample: resample && mimiConvTranspose(h, h, k, { groups: c.positiveInt("upsample_groups"), bias: false }),
      decoder_transformer: transformer,
      decoder: decoder(c),
      quantizer: module("MimiSplitResidualVectorQuantizer", {
        children: {
          semantic_residual_vector_quantizer: rvq(c, semantic),
          acoustic_residual_vector_quantizer: rvq(c, c.int("num_quantizers") - semantic),
        },
      }),
    },
  });
}

export const MIMI_DEFAULTS = {
  sampling_rate: 24000, frame_rate: 12.5, audio_channels: 1, hidden_size: 512, num_filters: 64, num_residual_layers: 1,
  upsampling_ratios: null, kernel_size: 7, last_kernel_size: 3, residual_kernel_size: 3, dilation_growth_rate: 2,
  use_causal_conv: true, pad_mode: "constant", compress: 2, trim_right_ratio: 1.0, codebook_size: 2048, codebook_dim: 256,
  num_quantizers: 32, use_conv_shortcut: false, vector_quantization_hidden_dimension: 256, num_semantic_quantizers: 1,
  upsample_groups: 512, num_hidden_layers: 8, intermediate_size: 2048, num_attention_heads: 8, num_key_value_heads: 8,
  head_dim: null, hidden_act: "gelu", max_position_embeddings: 8000, initializer_range: 0.02, norm_eps: 1e-5, use_cache: false,
  rope_theta: 10000.0, sliding_window: 250, attention_dropout: 0.0, layer_scale_initial_scale: 0.01, attention_bias: false,
};

export function deriveMimi(c: Config): void {
  // `upsampling_ratios if upsampling_ratios else [8, 6, 5, 4]`: an empty list also gets the default.
  const ratios = c.get("upsampling_ratios");
  if (!Array.isArray(ratios) || ratios.length === 0) c.set("upsampling_ratios", [8, 6, 5, 4]);
  c.setDefault("codebook_dim", c.get("hidden_size"));
  if (!c.get("head_dim")) c.set("head_dim", Math.floor(c.positiveInt("hidden_size") / c.positiveInt("num_attention_heads")));
  if (c.int("num_semantic_quantizers") >= c.int("num_quantizers")) {
    throw new InvalidConfigError(`${c.label}: \`num_semantic_quantizers\` must be lower than \`num_quantizers\``, "num_semantic_quantizers");
  }
}

export const mimi: TransformersArchitecture = {
  modelType: "mimi",
  source: "transformers/models/mimi/modeling_mimi.py",
  config: { modelType: "mimi", defaults: MIMI_DEFAULTS, derive: deriveMimi },
  // "MimiDecoderLayer" names no class in the model, so accelerate only ever sees leaves.
  models: { AutoModel: (c) => built(mimiModel(c), ["MimiDecoderLayer"]) },
};
