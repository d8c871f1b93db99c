// transformers/models/clap/{configuration,modeling}_clap.py (4.47): a RoBERTa text tower and an HTSAT audio tower
// (a Swin transformer over the mel spectrogram), each with a two-layer projection.
import type { Config } from "../../config/config.js";
import { batchNorm, conv2d, embedding, layerNorm, linear } from "../../modules/blocks.js";
import { list, module, repeat, type Module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { BERT_DEFAULTS, bertEncoder, bertPooler } from "./shared/bert-like.js";
import { built, subConfig } from "./shared/build.js";
import { swinLayer } from "./shared/swin-blocks.js";
import { pair } from "./vit.js";

const TEXT = {
  modelType: "clap_text_model",
  defaults: { ...BERT_DEFAULTS, vocab_size: 50265, max_position_embeddings: 514, type_vocab_size: 1, pad_token_id: 1, projection_dim: 512 },
};
const AUDIO = {
  modelType: "clap_audio_model",
  defaults: {
    window_size: 8, num_mel_bins: 64, spec_size: 256, patch_size: 4, patch_stride: [4, 4], hidden_size: 768, projection_dim: 512,
    depths: [2, 2, 6, 2], num_attention_heads: [4, 8, 16, 32], enable_fusion: false, fusion_type: null, patch_embed_input_channels: 1,
    patch_embeds_hidden_size: 96, enable_patch_layer_norm: true, qkv_bias: true, mlp_ratio: 4.0, aff_block_r: 4,
  },
};

/** ClapTextEmbeddings: RoBERTa's, but both id buffers are persistent. */
function textEmbeddings(c: Config): Module {
  const hidden = c.positiveInt("hidden_size");
  const positions = c.int("max_position_embeddings");
  return module("ClapTextEmbeddings", {
    children: {
      word_embeddings: embedding(c.int("vocab_size"), hidden),
      position_embeddings: embedding(positions, hidden),
      token_type_embeddings: embedding(c.int("type_vocab_size"), hidden),
      LayerNorm: layerNorm(hidden),
    },
    buffers: { position_ids: { shape: [1, positions], dtype: "int64" }, token_type_ids: { shape: [1, positions], dtype: "int64" } },
  });
}

/** ClapAudioAFFBlock (only with `enable_fusion`): local and global 1×1-conv attention branches. */
function affBlock(c: Config): Module {
  const ch = c.positiveInt("patch_embeds_hidden_size");
  const inter = Math.floor(ch / c.positiveInt("aff_block_r"));
  const branch = () => list("Sequential", conv2d(ch, inter, 1), batchNorm(inter), conv2d(inter, ch, 1), batchNorm(ch));
  return module("ClapAudioAFFBlock", { children: { local_att: branch(), global_att: branch() } });
}

function audioEncoder(c: Config): Module {
  const embed = c.positiveInt("patch_embeds_hidden_size");
  const inChans = c.positiveInt("patch_embed_input_channels");
  const [ph, pw] = pair(c, "patch_size");
  const fusion = c.bool("enable_fusion");
  const depths = c.intList("depths");
  const heads = c.intList("num_attention_heads");
  const stages = depths.map((depth, i) => {
    const dim = Math.floor(embed * 2 ** i);
    return module("ClapAudioStage", {
      children: {
        blocks: repeat(swinLayer("ClapAudio", c, dim, heads[i] ?? 0), depth),
        downsample: i < depths.length - 1 && module("ClapAudioPatchMerging", {
          children: { reduction: linear(4 * dim, 2 * dim, false), norm: layerNorm(4 * dim) },
        }),
      },
    });
  });
  return module("ClapAudioEncoder", {
    children: {
      patch_embed: module("ClapAudioPatchEmbed", {
        children: {
          proj: conv2d(inChans * (fusion && c.get("fusion_type") === "channel_map" ? 4 : 1), embed, [ph, pw]),
          norm: c.bool("enable_patch_layer_norm") && layerNorm(embed),
          fusion_model: fusion && affBlock(c),
          mel_conv2d: fusion && conv2d(inChans, embed, [ph, pw * 3]),
        },
      }),
      layers: list("ModuleList", ...stages),
      batch_norm: batchNorm(c.positiveInt("num_mel_bins")),
      norm: layerNorm(Math.floor(embed * 2 ** (depths.length - 1))),
    },
  });
}

/** ClapProjectionLayer: hidden → projection → projection, both with bias. */
function projection(c: Config, dim: number): Module {
  const hidden = c.positiveInt("hidden_size");
  return module("ClapProjectionLayer", { children: { linear1: linear(hidden, dim), linear2: linear(dim, dim) } });
}

function clapModel(c: Config): Module {
  const text = subConfig(c, "text_config", TEXT);
  const audio = subConfig(c, "audio_config", AUDIO);
  // ClapConfig copies its own projection_dim into both sub-configs.
  const dim = c.positiveInt("projection_dim");
  return module("ClapModel", {
    params: { logit_scale_a: [], logit_scale_t: [] },
    children: {
      text_model: module("ClapTextModel", {
        children: { embeddings: textEmbeddings(text), encoder: bertEncoder(text, "ClapText"), pooler: bertPooler(text, "ClapText") },
      }),
      text_projection: projection(text, dim),
      audio_model: module("ClapAudioModel", { children: { audio_encoder: audioEncoder(audio) } }),
      audio_projection: projection(audio, dim),
    },
  });
}

export const clap: TransformersArchitecture = {
  modelType: "clap",
  source: "transformers/models/clap/modeling_clap.py",
  config: { modelType: "clap", defaults: { projection_dim: 512, projection_hidden_act: "relu", logit_scale_init_value: 1 / 0.07 } },
  models: { AutoModel: (c) => built(clapModel(c), null) },
};
