// transformers/models/levit/{configuration,modeling}_levit.py (4.47)
import { batchNorm, conv2d, linear } from "../../modules/blocks.js";
import { checkIndexedLayers, buffer, list, module, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import { InvalidConfigError } from "../../errors.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { stageAt } from "./shared/stage-lists.js";

const linearBn = (i: number, o: number) =>
  module("MLPLayerWithBN", { children: { linear: linear(i, o, false), batch_norm: batchNorm(o, { cls: "BatchNorm1d" }) } });
const residual = (m: Module) => module("LevitResidualLayer", { children: { module: m } });
const mlp = (dim: number, hidden: number) => module("LevitMLPLayerWithBN", { children: { linear_up: linearBn(dim, hidden), linear_down: linearBn(hidden, dim) } });

/** Distinct |stride·a − b| for a query grid of `rOut` over a key grid of `rIn`: one bias per (dx, dy) pair. */
function offsets(rIn: number, rOut: number, stride: number): number {
  if (rIn <= 0 || rOut <= 0) return 0;
  // With stride ≤ rIn the values stride·a − b fill [−(rIn − 1), stride·(rOut − 1)] without a gap: counted, not
  // enumerated (an image_size of 1e15 would otherwise loop for ever).
  if (stride <= rIn) {
    const n = Math.max(rIn - 1, stride * (rOut - 1)) + 1;
    return n * n;
  }
  const d = new Set<number>();
  for (let a = 0; a < rOut; a++) for (let b = 0; b < rIn; b++) d.add(Math.abs(stride * a - b));
  return d.size * d.size;
}

function attention(dim: number, key: number, heads: number, ratio: number, r: number): Module {
  return module("LevitAttention", {
    params: { attention_biases: [heads, offsets(r, r, 1)] },
    buffers: { attention_bias_idxs: buffer([r * r, r * r], "int64", false) },
    children: { queries_keys_values: linearBn(dim, ratio * key * heads + 2 * key * heads), projection: linearBn(ratio * key * heads, dim) },
  });
}

function subsample(inDim: number, outDim: number, key: number, heads: number, ratio: number, stride: number, rIn: number, rOut: number): Module {
  return module("LevitAttentionSubsample", {
    params: { attention_biases: [heads, offsets(rIn, rOut, stride)] },
    buffers: { attention_bias_idxs: buffer([rOut * rOut, rIn * rIn], "int64", false) },
    children: {
      keys_values: linearBn(inDim, ratio * key * heads + key * heads),
      queries: linearBn(inDim, key * heads),
      projection: linearBn(ratio * key * heads, outDim),
    },
  });
}

export const levit: TransformersArchitecture = {
  modelType: "levit",
  source: "transformers/models/levit/modeling_levit.py",
  config: {
    modelType: "levit",
    defaults: {
      image_size: 224, num_channels: 3, kernel_size: 3, stride: 2, padding: 1, patch_size: 16, hidden_sizes: [128, 256, 384],
      num_attention_heads: [4, 8, 12], depths: [4, 4, 4], key_dim: [16, 16, 16], drop_path_rate: 0, mlp_ratio: [2, 2, 2],
      attention_ratio: [2, 2, 2], initializer_range: 0.02,
    },
  },
  models: {
    AutoModel: (c) => {
      const sizes = c.intList("hidden_sizes");
      const depths = c.intList("depths");
      const h0 = stageAt(c, "hidden_sizes", 0);
      const k0 = stageAt(c, "key_dim", 0);
      if (k0 === 0) throw new InvalidConfigError(`${c.label}: \`key_dim\` must be positive`, "key_dim");
      // __init__ fixes two subsampling steps: key_dim[0], width/key_dim[0] heads, ratio 4, MLP ×2, stride 2.
      const downHeads = [Math.floor(h0 / k0), Math.floor(stageAt(c, "hidden_sizes", 1) / k0)];
      let r = Math.floor(c.int("image_size") / c.positiveInt("patch_size"));
      const stages = depths.map((depth, i) => {
        const dim = sizes[i] as number;
        const ratio = stageAt(c, "mlp_ratio", i);
        const pair = [residual(attention(dim, stageAt(c, "key_dim", i), stageAt(c, "num_attention_heads", i), stageAt(c, "attention_ratio", i), r))];
        if (ratio > 0) pair.push(residual(mlp(dim, dim * ratio)));
        const layers: Module[] = [];
        // Attention and MLP alternate: no run of identical blocks, so the depth is bounded instead.
        checkIndexedLayers(depth * pair.length, "alternating attention/MLP layers (`depths`)");
        for (let d = 0; d < depth; d++) layers.push(...pair);
        const heads = downHeads[i];
        if (heads !== undefined) {
          const next = stageAt(c, "hidden_sizes", i + 1);
          const rOut = Math.floor((r - 1) / 2) + 1;
          layers.push(subsample(dim, next, k0, heads, 4, 2, r, rOut), residual(mlp(next, next * 2)));
          r = rOut;
        }
        return module("LevitStage", { children: { layers: list("ModuleList", ...layers) } });
      });
      const convEmb = (i: number, o: number) => module("LevitConvEmbeddings", { children: { convolution: conv2d(i, o, c.positiveInt("kernel_size"), { bias: false }), batch_norm: batchNorm(o) } });
      const model = module("LevitModel", {
        children: {
          patch_embeddings: module("LevitPatchEmbeddings", {
            children: {
              embedding_layer_1: convEmb(c.positiveInt("num_channels"), Math.floor(h0 / 8)),
              embedding_layer_2: convEmb(Math.floor(h0 / 8), Math.floor(h0 / 4)),
              embedding_layer_3: convEmb(Math.floor(h0 / 4), Math.floor(h0 / 2)),
              embedding_layer_4: convEmb(Math.floor(h0 / 2), h0),
            },
          }),
          encoder: module("LevitEncoder", { children: { stages: list("ModuleList", ...stages) } }),
        },
      });
      return built(model, ["LevitResidualLayer"]);
    },
  },
};
