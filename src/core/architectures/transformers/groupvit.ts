// transformers/models/groupvit/{configuration,modeling}_groupvit.py (4.47)
import { batchNorm, conv2d, layerNorm, linear } from "../../modules/blocks.js";
import { list, module, repeat, stateless, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import { InvalidConfigError } from "../../errors.js";
import type { TransformersArchitecture } from "../types.js";
import { built, subConfig } from "./shared/build.js";
import { clipAttention, clipEncoder, clipEncoderLayer, clipTextEmbeddings } from "./shared/clip-encoder.js";
import { pair } from "./vit.js";

const P = "GroupViT";

const textSpec = {
  modelType: "groupvit_text_model",
  defaults: {
    vocab_size: 49408, hidden_size: 256, intermediate_size: 1024, num_hidden_layers: 12, num_attention_heads: 4,
    max_position_embeddings: 77, hidden_act: "quick_gelu", layer_norm_eps: 1e-5, dropout: 0.0, attention_dropout: 0.0,
    initializer_range: 0.02, initializer_factor: 1.0, pad_token_id: 1, bos_token_id: 49406, eos_token_id: 49407,
  },
};

const visionSpec = {
  modelType: "groupvit_vision_model",
  defaults: {
    hidden_size: 384, intermediate_size: 1536, depths: [6, 3, 3], num_hidden_layers: 12, num_group_tokens: [64, 8, 0],
    num_output_groups: [64, 8, 8], num_attention_heads: 6, image_size: 224, patch_size: 16, num_channels: 3, hidden_act: "gelu",
    layer_norm_eps: 1e-5, dropout: 0.0, attention_dropout: 0.0, initializer_range: 0.02, initializer_factor: 1.0, assign_eps: 1.0,
    assign_mlp_ratio: [0.5, 4],
  },
};

/** GroupViTMLP: fc1 in → inter, fc2 inter → out (GroupViTMixerMLP mixes across tokens with the same shapes). */
const mlp = (inDim: number, inter: number, out: number, cls = `${P}MLP`) => module(cls, { children: { fc1: linear(inDim, inter), fc2: linear(inter, out) } });

/** GroupViTTokenAssign: groups image tokens into `out` group tokens by cross- then hard assignment attention. */
function tokenAssign(c: Config, tokens: number, out: number): Module {
  const h = c.positiveInt("hidden_size");
  const ratio = c.get("assign_mlp_ratio");
  const [tr, cr] = Array.isArray(ratio) ? ratio.map(Number) : [Number(ratio), Number(ratio)];
  const tokensDim = Math.floor((tr as number) * h);
  const channelsDim = Math.floor((cr as number) * h);
  const qkvp = module(`${P}AssignAttention`, { children: { q_proj: linear(h, h), k_proj: linear(h, h), v_proj: linear(h, h), proj: linear(h, h) } });
  return module(`${P}TokenAssign`, {
    children: {
      norm_tokens: layerNorm(h),
      mlp_inter: mlp(tokens, tokensDim, out, `${P}MixerMLP`),
      norm_post_tokens: layerNorm(h),
      norm_x: layerNorm(h),
      pre_assign_attn: module(`${P}CrossAttentionLayer`, {
        children: { attn: clipAttention(P, h), norm2: layerNorm(h), mlp: mlp(h, c.positiveInt("intermediate_size"), h), norm_post: layerNorm(h) },
      }),
      assign: qkvp,
      norm_new_x: layerNorm(h),
      mlp_channels: mlp(h, channelsDim, h),
    },
  });
}

function visionTransformer(c: Config): Module {
  const h = c.positiveInt("hidden_size");
  const depths = c.intList("depths");
  const groups = c.intList("num_group_tokens");
  const outs = c.intList("num_output_groups");
  if (groups.length < depths.length || outs.length < depths.length) throw new InvalidConfigError(`${c.label}: group lists need one entry per stage`, "num_group_tokens");
  const layer = clipEncoderLayer(c, P);
  const stages = depths.map((depth, i) => {
    const g = groups[i] as number;
    const prev = i > 0 ? (outs[i - 1] as number) : 0;
    return module(`${P}Stage`, {
      params: { group_token: g > 0 && [1, g, h] },
      children: {
        layers: repeat(layer, depth),
        downsample: g > 0 && tokenAssign(c, g, outs[i] as number),
        group_projector: prev > 0 && g > 0 && list("Sequential", layerNorm(h), mlp(prev, Math.floor(h / 2), g, `${P}MixerMLP`)),
      },
    });
  });
  const [ih, iw] = pair(c, "image_size");
  const [ph, pw] = pair(c, "patch_size");
  const patches = Math.floor(iw / pw) * Math.floor(ih / ph);
  return module(`${P}VisionTransformer`, {
    children: {
      embeddings: module(`${P}VisionEmbeddings`, {
        params: { position_embeddings: [1, patches, h] },
        children: {
          patch_embeddings: module(`${P}PatchEmbeddings`, { children: { projection: conv2d(c.positiveInt("num_channels"), h, [ph, pw]) } }),
          layernorm: layerNorm(h),
        },
      }),
      encoder: module(`${P}VisionEncoder`, { children: { stages: list("ModuleList", ...stages) } }),
      layernorm: layerNorm(h),
    },
  });
}

/** Projection heads: Linear, BatchNorm1d, ReLU, Linear. */
const projection = (inDim: number, inter: number, out: number) =>
  list("Sequential", linear(inDim, inter), batchNorm(inter, { cls: "BatchNorm1d" }), stateless("ReLU"), linear(inter, out));

export const groupvit: TransformersArchitecture = {
  modelType: "groupvit",
  source: "transformers/models/groupvit/modeling_groupvit.py",
  config: {
    modelType: "groupvit",
    defaults: { projection_dim: 256, projection_intermediate_dim: 4096, logit_scale_init_value: 2.6592 },
  },
  models: {
    AutoModel: (c) => {
      const text = subConfig(c, "text_config", textSpec);
      const vision = subConfig(c, "vision_config", visionSpec);
      const inter = c.positiveInt("projection_intermediate_dim");
      const proj = c.positiveInt("projection_dim");
      const model = module(`${P}Model`, {
        params: { logit_scale: [] },
        children: {
          text_model: module(`${P}TextTransformer`, {
            children: {
              embeddings: clipTextEmbeddings(text, P),
              encoder: clipEncoder(text, P, { encoderCls: `${P}TextEncoder` }),
              final_layer_norm: layerNorm(text.positiveInt("hidden_size")),
            },
          }),
          vision_model: visionTransformer(vision),
          visual_projection: projection(vision.positiveInt("hidden_size"), inter, proj),
          text_projection: projection(text.positiveInt("hidden_size"), inter, proj),
        },
      });
      return built(model, null);
    },
  },
};
