// transformers/models/{yoso,mra,nystromformer}/{configuration,modeling}_*.py — BERT encoders with efficient
// attention kernels that hold no extra tensors (Nyströmformer's optional depthwise conv aside), no pooler, and a
// position table two rows longer than `max_position_embeddings`.
import { conv2d } from "../../modules/blocks.js";
import type { Config } from "../../config/config.js";
import { module, type Module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { ROBERTA_DEFAULTS } from "./roberta.js";
import { bertEncoder } from "./shared/bert-like.js";
import { built } from "./shared/build.js";
import { bertLayerWith, embeddingsOf } from "./shared/bert-variants.js";

function efficientModel(c: Config, prefix: string, conv: Module | false): Module {
  return module(`${prefix}Model`, {
    children: {
      embeddings: embeddingsOf(c, `${prefix}Embeddings`, { extraPositions: 2 }),
      encoder: bertEncoder(c, prefix, bertLayerWith(c, prefix, { conv })),
    },
  });
}

/** A grouped Conv2d over heads, kernel (k, 1), no bias: Yoso's `conv_window`, Nyströmformer's `conv_kernel_size`. */
function headConv(c: Config, key: string): Module | false {
  const k = c.optionalInt(key);
  const heads = c.positiveInt("num_attention_heads");
  return k !== undefined && conv2d(heads, heads, [k, 1], { groups: heads, bias: false });
}

const EFFICIENT_DEFAULTS = { ...ROBERTA_DEFAULTS, vocab_size: 50265, type_vocab_size: 1, position_embedding_type: "absolute" } as const;

export const yoso: TransformersArchitecture = {
  modelType: "yoso",
  source: "transformers/models/yoso/modeling_yoso.py",
  config: {
    modelType: "yoso",
    defaults: {
      ...EFFICIENT_DEFAULTS,
      max_position_embeddings: 4096,
      use_expectation: true,
      hash_code_len: 9,
      num_hash: 64,
      conv_window: null,
      use_fast_hash: true,
      lsh_backward: true,
    },
  },
  models: { AutoModel: (c) => built(efficientModel(c, "Yoso", headConv(c, "conv_window")), null) },
};

export const mra: TransformersArchitecture = {
  modelType: "mra",
  source: "transformers/models/mra/modeling_mra.py",
  config: {
    modelType: "mra",
    defaults: {
      ...EFFICIENT_DEFAULTS,
      layer_norm_eps: 1e-5,
      block_per_row: 4,
      approx_mode: "full",
      initial_prior_first_n_blocks: 0,
      initial_prior_diagonal_n_blocks: 0,
    },
  },
  models: { AutoModel: (c) => built(efficientModel(c, "Mra", false), null) },
};

export const nystromformer: TransformersArchitecture = {
  modelType: "nystromformer",
  source: "transformers/models/nystromformer/modeling_nystromformer.py",
  config: {
    modelType: "nystromformer",
    defaults: {
      ...EFFICIENT_DEFAULTS,
      vocab_size: 30000,
      max_position_embeddings: 510,
      type_vocab_size: 2,
      segment_means_seq_len: 64,
      num_landmarks: 64,
      conv_kernel_size: 65,
      inv_coeff_init_option: false,
      layer_norm_eps: 1e-5,
    },
  },
  models: { AutoModel: (c) => built(efficientModel(c, "Nystromformer", headConv(c, "conv_kernel_size")), null) },
};
