// transformers/models/deprecated/jukebox/{configuration,modeling}_jukebox.py (4.47): JukeboxModel = a three-level
// VQ-VAE (1-D conv encoders/decoders, codebook buffers) and one JukeboxPrior transformer per level; priors above
// level 0 are conditioned on the level below through a conv upsampler, level 0 on timing signals.
import { resolveConfig, type Config, type RawConfig } from "../../config/config.js";
import { InvalidConfigError } from "../../errors.js";
import { conv1d, convTranspose, embedding, layerNorm, linear } from "../../modules/blocks.js";
import { buffer, list, module, repeat, type Module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { layerRuns } from "./shared/layer-runs.js";

const PRIOR_SPEC = {
  modelType: "jukebox_prior",
  defaults: {
    alignment_head: 2, alignment_layer: 68, attention_multiplier: 0.25, attention_pattern: "enc_dec_with_lyrics", blocks: 64,
    num_layers: 72, encoder_config: null, hidden_size: 2048, is_encoder_decoder: true, lyric_vocab_size: 80, level: 0,
    merged_decoder: true, metadata_dims: [604, 7898], mlp_multiplier: 1.0, music_vocab_size: 2048, n_ctx: 6144, n_heads: 2,
    nb_relevant_lyric_tokens: 384, res_conv_depth: 3, res_conv_width: 128, res_convolution_multiplier: 1, res_downs_t: [3, 2, 2],
    res_strides_t: [2, 2, 2], timing_dims: 64,
  },
};
const VQVAE_SPEC = {
  modelType: "jukebox_vqvae",
  defaults: {
    nb_discrete_codes: 2048, conv_input_shape: 1, embed_dim: 64, levels: 3, multipliers: [2, 1, 1], res_conv_depth: 4,
    res_conv_width: 32, res_convolution_multiplier: 1, res_downs_t: [3, 2, 2], res_strides_t: [2, 2, 2],
  },
};

/** JukeboxConv1D: a transposed linear layer, weight [in, out]. */
function conv1D(inWidth: number, outWidth: number): Module {
  return module("JukeboxConv1D", { params: { weight: [inWidth, outWidth], bias: [outWidth] } });
}

/** JukeboxResnet1D: `depth` residual blocks (dilation only reorders same-shaped blocks). */
function resnet1D(c: Config, width: number, depth: number): Module {
  const hidden = c.int("res_convolution_multiplier") * width;
  const block = module("JukeboxResConv1DBlock", { children: { conv1d_1: conv1d(width, hidden, 3), conv1d_2: conv1d(hidden, width, 1) } });
  return module("JukeboxResnet1D", { children: { resnet_block: repeat(block, depth) } });
}

function encoderConvBlock(c: Config, inDim: number, width: number, depth: number, down: number, stride: number): Module {
  const blocks = Array.from({ length: down }, (_, i) => [conv1d(i === 0 ? inDim : width, width, 2 * stride), resnet1D(c, width, depth)]).flat();
  return module("JukeboxEncoderConvBlock", {
    children: { proj_out: conv1d(width, c.int("embed_dim"), 3), downsample_block: list("ModuleList", ...blocks) },
  });
}

function decoderConvBlock(c: Config, embed: number, width: number, depth: number, down: number, stride: number): Module {
  const blocks = Array.from({ length: down }, (_, i) => [
    resnet1D(c, width, depth),
    convTranspose(width, i < down - 1 ? width : embed, [2 * stride]),
  ]).flat();
  return module("JukeboxDecoderConvBock", {
    children: { proj_in: down > 0 && conv1d(embed, width, 3), upsample_block: list("ModuleList", ...blocks) },
  });
}

function vqvae(v: Config): Module {
  const downs = v.intList("res_downs_t");
  const strides = v.intList("res_strides_t");
  const levels = v.int("levels");
  const multipliers = v.get("multipliers") == null ? Array.from({ length: levels }, () => 1) : v.intList("multipliers");
  const embed = v.int("embed_dim");
  const encoders: Module[] = [];
  const decoders: Module[] = [];
  for (let level = 0; level < levels; level++) {
    const mult = multipliers[level];
    if (mult === undefined) throw new InvalidConfigError(`${v.label}: \`multipliers\` needs one entry per level`, "multipliers");
    const width = v.int("res_conv_width") * mult;
    const depth = v.int("res_conv_depth") * mult;
    // Python's zip over range(level + 1), downs_t[:level + 1], strides_t[:level + 1].
    const n = Math.min(level + 1, downs.length, strides.length);
    const idx = Array.from({ length: n }, (_, i) => i);
    encoders.push(module("JukeboxEncoder", {
      children: {
        level_blocks: list("ModuleList", ...idx.map((i) => encoderConvBlock(v, i === 0 ? v.int("conv_input_shape") : embed, width, depth, downs[i] as number, strides[i] as number))),
      },
    }));
    decoders.push(module("JukeboxDecoder", {
      children: {
        level_blocks: list("ModuleList", ...idx.map((i) => decoderConvBlock(v, embed, width, depth, downs[i] as number, strides[i] as number))),
        out: conv1d(embed, v.int("conv_input_shape"), 3),
      },
    }));
  }
  const codebook = module("JukeboxBottleneckBlock", { buffers: { codebook: buffer([v.int("nb_discrete_codes"), embed]) } });
  return module("JukeboxVQVAE", {
    children: {
      encoders: list("ModuleList", ...encoders),
      decoders: list("ModuleList", ...decoders),
      bottleneck: module("JukeboxBottleneck", { children: { level_blocks: repeat(codebook, levels) } }),
    },
  });
}

/** The attention kind of layer i; only "cross_attention" changes the shapes (configuration_jukebox.py patterns). */
function isCross(pattern: string, i: number): boolean {
  if (pattern === "large_separated_enc_dec_w_lyrics") {
    const j = i % 79;
    return j >= 18 && (j - 18) % 10 === 0;
  }
  return false;
}

function layerStack(c: Config): Module {
  const h = c.positiveInt("hidden_size");
  const hidden = Math.trunc(c.number("attention_multiplier") * h);
  const mlp = Math.trunc(c.number("mlp_multiplier") * h);
  const pattern = c.string("attention_pattern");
  const block = (cross: boolean) => module("JukeboxBlock", {
    children: {
      attn: module("JukeboxAttention", {
        children: cross
          ? { c_attn: conv1D(h, hidden), c_enc_kv: conv1D(h, 2 * hidden), c_proj: conv1D(hidden, h) }
          : { c_attn: conv1D(h, 3 * hidden), c_proj: conv1D(hidden, h) },
      }),
      layer_norm_0: layerNorm(h, { cls: "JukeboxLayerNorm" }),
      mlp: module("JukeboxMLP", { children: { c_fc: conv1D(h, mlp), c_proj: conv1D(mlp, h) } }),
      layer_norm_1: layerNorm(h, { cls: "JukeboxLayerNorm" }),
    },
  });
  const runs = layerRuns(c.label, c.int("num_layers"), (i) => String(isCross(pattern, i)), (i) => block(isCross(pattern, i)));
  return module("JukeboxLayerStack", { children: { _attn_mods: list("ModuleList", ...runs) } });
}

/** JukeboxConditionalAutoregressive; the output projection (absent in an encoder) counts in full even when tied. */
function autoregressive(c: Config, nCtx: number, vocab: number, metadata: boolean, isEncoder: boolean, extra: Record<string, Module> = {}): Module {
  const h = c.positiveInt("hidden_size");
  return module("JukeboxConditionalAutoregressive", {
    params: { start_token: !metadata && [1, h] },
    children: {
      embed_tokens: embedding(vocab, h),
      pos_emb: module("JukeboxPositionalEmbedding", { params: { pos_emb: [nCtx, h] } }),
      transformer: layerStack(c),
      fc_proj_out: !isEncoder && linear(h, vocab, false),
      ...extra,
    },
  });
}

function prior(c: Config, level: number): Module {
  const h = c.positiveInt("hidden_size");
  const audio = level !== 0;
  const [genres, artists] = c.intList("metadata_dims");
  const timing = c.int("timing_dims");
  const range = () => module("JukeboxRangeEmbedding", { children: { emb: embedding(timing, h) } });
  const lyrics = c.int("nb_relevant_lyric_tokens");
  let transformers: Record<string, Module | false>;
  if (c.bool("is_encoder_decoder")) {
    transformers = { prior: autoregressive(c, lyrics + c.int("n_ctx"), c.int("lyric_vocab_size") + c.int("music_vocab_size"), true, false) };
  } else {
    const e = resolveConfig((c.object("encoder_config") ?? {}) as RawConfig, PRIOR_SPEC, `${c.label}.encoder_config`);
    // The lyrics encoder gets its projection, norm and head attached after construction.
    transformers = {
      encoder: lyrics !== 0 && c.get("encoder_config") != null && autoregressive(e, lyrics, c.int("lyric_vocab_size"), false, true, {
        proj_in: conv1D(e.positiveInt("hidden_size"), h),
        final_layer_norm: layerNorm(h, { cls: "JukeboxLayerNorm" }),
        lm_head: linear(h, c.int("lyric_vocab_size"), false),
      }),
      prior: autoregressive(c, c.int("n_ctx"), c.int("music_vocab_size"), c.bool("metadata_conditioning"), false),
    };
  }
  const down = c.intList("res_downs_t")[level];
  const stride = c.intList("res_strides_t")[level];
  if (audio && (down === undefined || stride === undefined)) throw new InvalidConfigError(`${c.label}: \`res_downs_t\` needs an entry for level ${level}`, "res_downs_t");
  return module("JukeboxPrior", {
    children: {
      conditioner_blocks: audio && module("JukeboxMusicTokenConditioner", {
        children: {
          embed_tokens: embedding(c.int("music_vocab_size"), h),
          upsampler: decoderConvBlock(c, h, c.int("res_conv_width"), c.int("res_conv_depth"), down as number, stride as number),
          layer_norm: layerNorm(h, { cls: "JukeboxLayerNorm" }),
        },
      }),
      metadata_embedding: c.bool("metadata_conditioning") && module("JukeboxLabelConditioner", {
        children: {
          bow_genre_emb: embedding(genres ?? 0, h),
          artist_emb: embedding(artists ?? 0, h),
          total_length_emb: !audio && range(),
          absolute_pos_emb: !audio && range(),
          relative_pos_emb: !audio && range(),
        },
      }),
      ...transformers,
    },
  });
}

function jukeboxModel(c: Config): Module {
  const n = c.int("nb_priors");
  const given = c.get("prior_config_list");
  const raws = Array.isArray(given)
    ? (given as RawConfig[])
    : Array.from({ length: n }, (_, i) => (c.object(`prior_${i}`) ?? {}) as RawConfig);
  if (raws.length < n) throw new InvalidConfigError(`${c.label}: \`prior_config_list\` has ${raws.length} entries for ${n} priors`, "prior_config_list");
  // JukeboxModel.set_shared_params: these come from the top-level config, whatever each prior says.
  const shared = Object.fromEntries(
    ["sampling_rate", "timing_dims", "min_duration", "max_duration", "max_nb_genres", "metadata_conditioning"].map((k) => [k, c.get(k)]),
  );
  const priors = raws.slice(0, n).map((raw, level) => prior(resolveConfig({ ...raw, ...shared }, PRIOR_SPEC, `${c.label}.prior_${level}`), level));
  return module("JukeboxModel", {
    children: {
      vqvae: vqvae(resolveConfig((c.object("vqvae_config") ?? {}) as RawConfig, VQVAE_SPEC, `${c.label}.vqvae_config`)),
      priors: list("ModuleList", ...priors),
    },
  });
}

export const jukebox: TransformersArchitecture = {
  modelType: "jukebox",
  source: "transformers/models/deprecated/jukebox/modeling_jukebox.py",
  config: {
    modelType: "jukebox",
    defaults: {
      vqvae_config: null, prior_config_list: null, nb_priors: 3, sampling_rate: 44100, timing_dims: 64, min_duration: 0,
      max_duration: 600.0, max_nb_genres: 5, metadata_conditioning: true,
    },
  },
  models: { AutoModel: (c) => built(jukeboxModel(c), ["JukeboxBlock"]) },
};
