// DETR's transformer pieces (transformers/models/detr/modeling_detr.py, 4.47), reused by maskformer and others.
import { layerNorm, linear } from "../../../modules/blocks.js";
import { module, repeat, type Module } from "../../../modules/module.js";
import type { Config } from "../../../config/config.js";
import { InvalidConfigError } from "../../../errors.js";

/** DetrConfig's `__init__` defaults; `hidden_size` and `num_attention_heads` are aliases. */
export const DETR_SPEC = {
  modelType: "detr",
  defaults: {
    use_timm_backbone: true, backbone_config: null, num_channels: 3, num_queries: 100, max_position_embeddings: 1024,
    encoder_layers: 6, encoder_ffn_dim: 2048, encoder_attention_heads: 8, decoder_layers: 6, decoder_ffn_dim: 2048,
    decoder_attention_heads: 8, encoder_layerdrop: 0.0, decoder_layerdrop: 0.0, is_encoder_decoder: true, activation_function: "relu",
    d_model: 256, dropout: 0.1, attention_dropout: 0.0, activation_dropout: 0.0, init_std: 0.02, init_xavier_std: 1.0,
    auxiliary_loss: false, position_embedding_type: "sine", backbone: "resnet50", use_pretrained_backbone: true, dilation: false,
  },
  attributeMap: { hidden_size: "d_model", num_attention_heads: "encoder_attention_heads" },
};

/** `DetrAttention`: k, v, q, out projections (that order), checked head split. */
export function iDetrAttention(dim: number, heads: number, cls = "DetrAttention", bias = true): Module {
  if (heads <= 0 || dim % heads !== 0) throw new InvalidConfigError(`embed_dim ${dim} must be divisible by num_heads ${heads}`, "decoder_attention_heads");
  return module(cls, {
    children: { k_proj: linear(dim, dim, bias), v_proj: linear(dim, dim, bias), q_proj: linear(dim, dim, bias), out_proj: linear(dim, dim, bias) },
  });
}

/** `DetrDecoderLayer`: post-norm self-attention, cross-attention and feed-forward. */
export function iDetrDecoderLayer(c: Config, prefix = "Detr"): Module {
  const d = c.positiveInt("d_model");
  const heads = c.positiveInt("decoder_attention_heads");
  const ffn = c.positiveInt("decoder_ffn_dim");
  return module(`${prefix}DecoderLayer`, {
    children: {
      self_attn: iDetrAttention(d, heads, `${prefix}Attention`),
      self_attn_layer_norm: layerNorm(d),
      encoder_attn: iDetrAttention(d, heads, `${prefix}Attention`),
      encoder_attn_layer_norm: layerNorm(d),
      fc1: linear(d, ffn),
      fc2: linear(ffn, d),
      final_layer_norm: layerNorm(d),
    },
  });
}

/** `DetrDecoder`: the layers and a final LayerNorm. */
export function iDetrDecoder(c: Config, prefix = "Detr"): Module {
  return module(`${prefix}Decoder`, {
    children: { layers: repeat(iDetrDecoderLayer(c, prefix), c.int("decoder_layers")), layernorm: layerNorm(c.positiveInt("d_model")) },
  });
}
