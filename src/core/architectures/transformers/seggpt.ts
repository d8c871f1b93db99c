// transformers/models/seggpt/{configuration,modeling}_seggpt.py (4.47)
import { conv2d, layerNorm, linear } from "../../modules/blocks.js";
import { module, repeat } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { pair } from "./vit.js";

export const seggpt: TransformersArchitecture = {
  modelType: "seggpt",
  source: "transformers/models/seggpt/modeling_seggpt.py",
  config: {
    modelType: "seggpt",
    defaults: {
      hidden_size: 1024, num_hidden_layers: 24, num_attention_heads: 16, hidden_act: "gelu", hidden_dropout_prob: 0.0,
      initializer_range: 0.02, layer_norm_eps: 1e-6, image_size: [896, 448], patch_size: 16, num_channels: 3, qkv_bias: true,
      mlp_dim: null, drop_path_rate: 0.1, pretrain_image_size: 224, decoder_hidden_size: 64,
      use_relative_position_embeddings: true, merge_index: 2, intermediate_hidden_state_indices: [5, 11, 17, 23], beta: 0.01,
    },
    derive: (c) => c.setDefault("mlp_dim", Math.floor(c.positiveInt("hidden_size") * 4)),
  },
  models: {
    AutoModel: (c) => {
      const hidden = c.positiveInt("hidden_size");
      const headDim = c.divisible("hidden_size", "num_attention_heads");
      const p = c.positiveInt("patch_size");
      const [h, w] = pair(c, "image_size");
      const rel = c.bool("use_relative_position_embeddings");
      const mlp = c.int("mlp_dim");
      const token = [1, 1, 1, hidden];
      const layer = module("SegGptLayer", {
        children: {
          attention: module("SegGptAttention", {
            params: { rel_pos_h: rel && [2 * Math.floor(h / p) - 1, headDim], rel_pos_w: rel && [2 * Math.floor(w / p) - 1, headDim] },
            children: { qkv: linear(hidden, 3 * hidden, c.bool("qkv_bias")), proj: linear(hidden, hidden) },
          }),
          mlp: module("SegGptMlp", { children: { lin1: linear(hidden, mlp), lin2: linear(mlp, hidden) } }),
          layernorm_before: layerNorm(hidden),
          layernorm_after: layerNorm(hidden),
        },
      });
      // Positions are learned at the pretraining resolution and interpolated at run time.
      const positions = Math.floor(c.int("pretrain_image_size") / p) ** 2 + 1;
      const model = module("SegGptModel", {
        children: {
          embeddings: module("SegGptEmbeddings", {
            params: {
              mask_token: token, segment_token_input: token, segment_token_prompt: token, type_token_semantic: token,
              type_token_instance: token, position_embeddings: [1, positions, hidden],
            },
            children: { patch_embeddings: module("SegGptPatchEmbeddings", { children: { projection: conv2d(c.positiveInt("num_channels"), hidden, p) } }) },
          }),
          encoder: module("SegGptEncoder", { children: { layers: repeat(layer, c.int("num_hidden_layers")), layernorm: layerNorm(hidden) } }),
        },
      });
      return built(model, ["SegGptEmbeddings", "SegGptLayer"]);
    },
  },
};
