// transformers/models/deprecated/graphormer/{configuration,modeling}_graphormer.py (4.47)
import { embedding, layerNorm, linear } from "../../modules/blocks.js";
import { module, repeat } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { clipAttention } from "./shared/clip-encoder.js";

const DEFAULTS = {
  num_classes: 1,
  num_atoms: 512 * 9,
  num_edges: 512 * 3,
  num_in_degree: 512,
  num_out_degree: 512,
  num_spatial: 512,
  num_edge_dis: 128,
  multi_hop_max_dist: 5,
  spatial_pos_max: 1024,
  edge_type: "multi_hop",
  max_nodes: 512,
  share_input_output_embed: false,
  num_hidden_layers: 12,
  embedding_dim: 768,
  ffn_embedding_dim: 768,
  num_attention_heads: 32,
  layerdrop: 0.0,
  encoder_normalize_before: false,
  pre_layernorm: false,
  apply_graphormer_init: false,
  activation_fn: "gelu",
  embed_scale: null,
  freeze_embeddings: false,
  num_trans_layers_to_freeze: 0,
  traceable: false,
  q_noise: 0.0,
  qn_block_size: 8,
  kdim: null,
  vdim: null,
  bias: true,
  self_attention: true,
  pad_token_id: 0,
  bos_token_id: 1,
  eos_token_id: 2,
} as const;

export const graphormer: TransformersArchitecture = {
  modelType: "graphormer",
  source: "transformers/models/deprecated/graphormer/modeling_graphormer.py",
  config: { modelType: "graphormer", defaults: DEFAULTS, derive: (c) => c.set("hidden_size", c.get("embedding_dim")) },
  models: {
    AutoModel: (c) => {
      const dim = c.positiveInt("embedding_dim");
      const heads = c.positiveInt("num_attention_heads");
      const ffn = c.int("ffn_embedding_dim");
      c.divisible("embedding_dim", "num_attention_heads");
      // kdim/vdim other than embedding_dim are refused by the attention (self-attention only).
      const layer = module("GraphormerGraphEncoderLayer", {
        children: {
          self_attn: clipAttention("", dim, { cls: "GraphormerMultiheadAttention", bias: c.bool("bias") }),
          self_attn_layer_norm: layerNorm(dim),
          fc1: linear(dim, ffn),
          fc2: linear(ffn, dim),
          final_layer_norm: layerNorm(dim),
        },
      });
      const encoder = module("GraphormerGraphEncoder", {
        children: {
          graph_node_feature: module("GraphormerGraphNodeFeature", {
            children: {
              atom_encoder: embedding(c.int("num_atoms") + 1, dim),
              in_degree_encoder: embedding(c.int("num_in_degree"), dim),
              out_degree_encoder: embedding(c.int("num_out_degree"), dim),
              graph_token: embedding(1, dim),
            },
          }),
          graph_attn_bias: module("GraphormerGraphAttnBias", {
            children: {
              edge_encoder: embedding(c.int("num_edges") + 1, heads),
              edge_dis_encoder: c.get("edge_type") === "multi_hop" && embedding(c.int("num_edge_dis") * heads * heads, 1),
              spatial_pos_encoder: embedding(c.int("num_spatial"), heads),
              graph_token_virtual_distance: embedding(1, heads),
            },
          }),
          emb_layer_norm: c.bool("encoder_normalize_before") && layerNorm(dim),
          final_layer_norm: c.bool("pre_layernorm") && layerNorm(dim),
          layers: repeat(layer, c.int("num_hidden_layers"), c.number("layerdrop") > 0 ? "LayerDropModuleList" : "ModuleList"),
        },
      });
      const model = module("GraphormerModel", {
        children: { graph_encoder: encoder, lm_head_transform_weight: linear(dim, dim), layer_norm: layerNorm(dim) },
      });
      return built(model, null);
    },
  },
};
