// transformers/models/vitdet/{configuration,modeling}_vitdet.py (4.47)
import { conv2d, layerNorm, linear } from "../../modules/blocks.js";
import { module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { eIndexedList } from "./shared/vit-encoder.js";

function vitdetLayer(c: Config, windowSize: number, residual: boolean) {
  const hidden = c.positiveInt("hidden_size");
  const headDim = c.divisible("hidden_size", "num_attention_heads");
  const mlp = Math.floor(hidden * c.number("mlp_ratio"));
  const grid = Math.floor(c.int("image_size") / c.positiveInt("patch_size"));
  // Windowed layers size their relative tables by the window, global ones by the patch grid.
  const span = 2 * (windowSize === 0 ? grid : windowSize) - 1;
  const rel = c.bool("use_relative_position_embeddings");
  const half = Math.floor(hidden / 2);
  const norm = () => module("VitDetLayerNorm", { params: { weight: [half], bias: [half] } });
  return module("VitDetLayer", {
    children: {
      norm1: layerNorm(hidden),
      attention: module("VitDetAttention", {
        params: { rel_pos_h: rel && [span, headDim], rel_pos_w: rel && [span, headDim] },
        children: { qkv: linear(hidden, 3 * hidden, c.bool("qkv_bias")), proj: linear(hidden, hidden) },
      }),
      norm2: layerNorm(hidden),
      mlp: module("VitDetMlp", { children: { fc1: linear(hidden, mlp), fc2: linear(mlp, hidden) } }),
      residual: residual && module("VitDetResidualBottleneckBlock", {
        children: {
          conv1: conv2d(hidden, half, 1, { bias: false }), norm1: norm(),
          conv2: conv2d(half, half, 3, { bias: false }), norm2: norm(),
          conv3: conv2d(half, hidden, 1, { bias: false }), norm3: norm(),
        },
      }),
    },
  });
}

export const vitdet: TransformersArchitecture = {
  modelType: "vitdet",
  source: "transformers/models/vitdet/modeling_vitdet.py",
  config: {
    modelType: "vitdet",
    defaults: {
      hidden_size: 768, num_hidden_layers: 12, num_attention_heads: 12, mlp_ratio: 4, hidden_act: "gelu", dropout_prob: 0.0,
      layer_norm_eps: 1e-6, image_size: 224, pretrain_image_size: 224, patch_size: 16, num_channels: 3, qkv_bias: true,
      drop_path_rate: 0.0, window_block_indices: [], residual_block_indices: [], use_absolute_position_embeddings: true,
      use_relative_position_embeddings: false, window_size: 0,
    },
  },
  models: {
    AutoModel: (c) => {
      const hidden = c.positiveInt("hidden_size");
      const p = c.positiveInt("patch_size");
      const positions = Math.floor(c.int("pretrain_image_size") / p) ** 2 + 1;
      const windowed = new Set(c.intList("window_block_indices"));
      const residual = new Set(c.intList("residual_block_indices"));
      const win = (i: number) => (windowed.has(i) ? c.int("window_size") : 0);
      const model = module("VitDetModel", {
        children: {
          embeddings: module("VitDetEmbeddings", {
            params: { position_embeddings: c.bool("use_absolute_position_embeddings") && [1, positions, hidden] },
            children: { projection: conv2d(c.positiveInt("num_channels"), hidden, p) },
          }),
          encoder: module("VitDetEncoder", {
            children: {
              layer: eIndexedList(c.int("num_hidden_layers"), (i) => `${win(i)}:${residual.has(i)}`, (i) => vitdetLayer(c, win(i), residual.has(i))),
            },
          }),
        },
      });
      return built(model, []);
    },
  },
};
