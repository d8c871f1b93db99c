// Swin-style blocks shared by swin, donut-swin, maskformer-swin, swinv2 and swin2sr (modeling_swin{,v2,2sr}.py, 4.47).
import { conv2d, layerNorm, linear } from "../../../modules/blocks.js";
import { buffer, list, module, repeat, stateless, type Module } from "../../../modules/module.js";
import type { Config } from "../../../config/config.js";
import { InvalidConfigError } from "../../../errors.js";
import { pair } from "../vit.js";

export const SWIN_DEFAULTS = {
  image_size: 224, patch_size: 4, num_channels: 3, embed_dim: 96, depths: [2, 2, 6, 2], num_heads: [3, 6, 12, 24],
  window_size: 7, mlp_ratio: 4.0, qkv_bias: true, hidden_dropout_prob: 0.0, attention_probs_dropout_prob: 0.0,
  drop_path_rate: 0.1, hidden_act: "gelu", use_absolute_embeddings: false, initializer_range: 0.02, layer_norm_eps: 1e-5,
};

/** `num_layers` and `hidden_size` (the last stage's width) are computed by the config's __init__. */
export function deriveSwin(c: Config): void {
  const depths = c.intList("depths");
  c.set("num_layers", depths.length);
  c.set("hidden_size", Math.floor(c.int("embed_dim") * 2 ** (depths.length - 1)));
}

export function swinGrid(c: Config): [number, number] {
  const [h, w] = pair(c, "image_size");
  const [ph, pw] = pair(c, "patch_size");
  if (ph === 0 || pw === 0) throw new InvalidConfigError(`${c.label}: \`patch_size\` must be positive`, "patch_size");
  return [Math.floor(h / ph), Math.floor(w / pw)];
}

function heads(c: Config, dim: number, n: number): number {
  if (n === 0 || dim % n !== 0) throw new InvalidConfigError(`${c.label}: stage width ${dim} is not a multiple of its head count ${n}`, "num_heads");
  return n;
}

function mlp(prefix: string, c: Config, dim: number) {
  const inner = Math.floor(c.number("mlp_ratio") * dim);
  return {
    intermediate: module(`${prefix}Intermediate`, { children: { dense: linear(dim, inner) } }),
    output: module(`${prefix}Output`, { children: { dense: linear(inner, dim) } }),
  };
}

/** Swin v1 block: learned bias table indexed by a persistent int64 buffer sized by the configured window. */
export function swinLayer(prefix: string, c: Config, dim: number, numHeads: number): Module {
  const win = c.positiveInt("window_size");
  const qkv = c.bool("qkv_bias");
  const { intermediate, output } = mlp(prefix, c, dim);
  return module(`${prefix}Layer`, {
    children: {
      layernorm_before: layerNorm(dim),
      attention: module(`${prefix}Attention`, {
        children: {
          self: module(`${prefix}SelfAttention`, {
            params: { relative_position_bias_table: [(2 * win - 1) ** 2, heads(c, dim, numHeads)] },
            buffers: { relative_position_index: buffer([win * win, win * win], "int64") },
            children: { query: linear(dim, dim, qkv), key: linear(dim, dim, qkv), value: linear(dim, dim, qkv) },
          }),
          output: module(`${prefix}SelfOutput`, { children: { dense: linear(dim, dim) } }),
        },
      }),
      layernorm_after: layerNorm(dim),
      intermediate,
      output,
    },
  });
}

/** Swin v2 block: cosine attention with a continuous bias MLP; the window shrinks to the resolution. */
export function swinV2Layer(prefix: string, c: Config, dim: number, numHeads: number, resolution: [number, number]): Module {
  const target = c.positiveInt("window_size");
  const [wh, ww] = resolution.map((r) => (r <= target ? r : target)) as [number, number];
  const qkv = c.bool("qkv_bias");
  const n = heads(c, dim, numHeads);
  const { intermediate, output } = mlp(prefix, c, dim);
  return module(`${prefix}Layer`, {
    children: {
      attention: module(`${prefix}Attention`, {
        children: {
          self: module(`${prefix}SelfAttention`, {
            params: { logit_scale: [n, 1, 1] },
            buffers: {
              relative_coords_table: buffer([1, 2 * wh - 1, 2 * ww - 1, 2], "float32", false),
              relative_position_index: buffer([wh * ww, wh * ww], "int64", false),
            },
            children: {
              continuous_position_bias_mlp: list("Sequential", linear(2, 512), stateless("ReLU"), linear(512, n, false)),
              query: linear(dim, dim, qkv),
              key: linear(dim, dim, false),
              value: linear(dim, dim, qkv),
            },
          }),
          output: module(`${prefix}SelfOutput`, { children: { dense: linear(dim, dim) } }),
        },
      }),
      layernorm_before: layerNorm(dim),
      intermediate,
      output,
      layernorm_after: layerNorm(dim),
    },
  });
}

/** Patch embedding + LayerNorm, with the optional mask token and absolute positions. */
export function swinEmbeddings(prefix: string, c: Config, useMaskToken: boolean): Module {
  const dim = c.positiveInt("embed_dim");
  const [gh, gw] = swinGrid(c);
  return module(`${prefix}Embeddings`, {
    params: {
      mask_token: useMaskToken && [1, 1, dim],
      position_embeddings: c.bool("use_absolute_embeddings") && [1, gh * gw + 1, dim],
    },
    children: {
      patch_embeddings: module(`${prefix}PatchEmbeddings`, { children: { projection: conv2d(c.positiveInt("num_channels"), dim, pair(c, "patch_size")) } }),
      norm: layerNorm(dim),
    },
  });
}

/** The hierarchical encoder: stage i has width embed_dim·2^i, and all but the last merge patches at the end. */
export function swinEncoder(prefix: string, c: Config, v2: boolean): Module {
  const depths = c.intList("depths");
  const numHeads = c.intList("num_heads");
  const embed = c.positiveInt("embed_dim");
  const [gh, gw] = swinGrid(c);
  const stages = depths.map((depth, i) => {
    const dim = Math.floor(embed * 2 ** i);
    const res: [number, number] = [Math.floor(gh / 2 ** i), Math.floor(gw / 2 ** i)];
    const n = numHeads[i];
    if (n === undefined) throw new InvalidConfigError(`${c.label}: \`num_heads\` needs one entry per stage`, "num_heads");
    const block = v2 ? swinV2Layer(prefix, c, dim, n, res) : swinLayer(prefix, c, dim, n);
    return module(`${prefix}Stage`, {
      children: {
        blocks: repeat(block, depth),
        downsample: i < depths.length - 1 && module(`${prefix}PatchMerging`, {
          children: { reduction: linear(4 * dim, 2 * dim, false), norm: layerNorm(v2 ? 2 * dim : 4 * dim) },
        }),
      },
    });
  });
  return module(`${prefix}Encoder`, { children: { layers: list("ModuleList", ...stages) } });
}

/** SwinModel-shaped: embeddings, encoder, final LayerNorm (absent in Donut), parameter-free pooler. */
export function swinModel(prefix: string, c: Config, opts: { v2?: boolean; layernorm?: boolean } = {}): Module {
  const depths = c.intList("depths");
  return module(`${prefix}Model`, {
    children: {
      embeddings: swinEmbeddings(prefix, c, false),
      encoder: swinEncoder(prefix, c, opts.v2 ?? false),
      layernorm: (opts.layernorm ?? true) && layerNorm(Math.floor(c.positiveInt("embed_dim") * 2 ** (depths.length - 1))),
    },
  });
}
