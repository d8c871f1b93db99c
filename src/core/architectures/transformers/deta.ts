// transformers/models/deprecated/deta/{configuration,modeling}_deta.py (4.47)
import { conv2d, embedding, groupNorm, layerNorm, linear } from "../../modules/blocks.js";
import { list, module, repeat, type Module, type Run } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { iBackboneConfig, iResNetBackbone, iSwinBackbone } from "./shared/backbones.js";
import { iDeformableAttention } from "./shared/deformable-attention.js";
import { iDetrAttention } from "./shared/detr.js";
import { iFreezeBatchNorms } from "./shared/rtdetr-resnet.js";

const P = "Deta";

/** DetaConfig's fallback backbone: a ResNet-50 giving stages 2-4. */
const BACKBONE_FALLBACK = { model_type: "resnet", out_features: ["stage2", "stage3", "stage4"] };

function deformable(c: Config, heads: number, points: number): Module {
  return iDeformableAttention(`${P}MultiscaleDeformableAttention`, c.positiveInt("d_model"), heads, c.positiveInt("num_feature_levels"), points);
}

function ffn(c: Config, dim: number) {
  return { fc1: linear(c.positiveInt("d_model"), dim), fc2: linear(dim, c.positiveInt("d_model")), final_layer_norm: layerNorm(c.positiveInt("d_model")) };
}

export const deta: TransformersArchitecture = {
  modelType: "deta",
  source: "transformers/models/deprecated/deta/modeling_deta.py",
  config: {
    modelType: "deta",
    defaults: {
      backbone_config: null, backbone: null, use_pretrained_backbone: false, use_timm_backbone: false, backbone_kwargs: null,
      num_queries: 900, max_position_embeddings: 2048, encoder_layers: 6, encoder_ffn_dim: 2048, encoder_attention_heads: 8,
      decoder_layers: 6, decoder_ffn_dim: 1024, decoder_attention_heads: 8, encoder_layerdrop: 0.0, is_encoder_decoder: true,
      activation_function: "relu", d_model: 256, dropout: 0.1, attention_dropout: 0.0, activation_dropout: 0.0, init_std: 0.02,
      init_xavier_std: 1.0, return_intermediate: true, auxiliary_loss: false, position_embedding_type: "sine", num_feature_levels: 5,
      encoder_n_points: 4, decoder_n_points: 4, two_stage: true, two_stage_num_proposals: 300, with_box_refine: true,
      assign_first_stage: true, assign_second_stage: true, disable_custom_kernels: true,
    },
    attributeMap: { hidden_size: "d_model", num_attention_heads: "encoder_attention_heads" },
  },
  models: {
    AutoModel: (c) => {
      const bc = iBackboneConfig(c, BACKBONE_FALLBACK);
      const bb = bc.get("model_type") === "swin" ? iSwinBackbone(bc) : iResNetBackbone(bc);
      const d = c.positiveInt("d_model");
      const levels = c.positiveInt("num_feature_levels");
      const proj = (inCh: number, k: number) => list("Sequential", conv2d(inCh, d, k), groupNorm(d));
      // Backbone maps get 1x1 projections; extra levels come from stride-2 3x3 convs chained off the last map.
      let inputProj: (Module | Run)[];
      if (levels > 1) {
        inputProj = bb.channels.map((ch) => proj(ch, 1));
        // The first extra level reads the last map; the others are identical d → d convs: one run, whatever the count.
        const extra = levels - bb.channels.length;
        if (extra >= 1) inputProj.push(proj(bb.channels[bb.channels.length - 1] as number, 3));
        if (extra >= 2) inputProj.push({ module: proj(d, 3), count: extra - 1 });
      } else inputProj = [proj(bb.channels[bb.channels.length - 1] as number, 1)];
      const learned = c.string("position_embedding_type") === "learned";
      const twoStage = c.bool("two_stage");
      const encoderLayer = module(`${P}EncoderLayer`, {
        children: {
          self_attn: deformable(c, c.positiveInt("encoder_attention_heads"), c.positiveInt("encoder_n_points")),
          self_attn_layer_norm: layerNorm(d),
          ...ffn(c, c.positiveInt("encoder_ffn_dim")),
        },
      });
      const decoderLayer = module(`${P}DecoderLayer`, {
        children: {
          self_attn: iDetrAttention(d, c.positiveInt("decoder_attention_heads"), `${P}MultiheadAttention`),
          self_attn_layer_norm: layerNorm(d),
          encoder_attn: deformable(c, c.positiveInt("decoder_attention_heads"), c.positiveInt("decoder_n_points")),
          encoder_attn_layer_norm: layerNorm(d),
          ...ffn(c, c.positiveInt("decoder_ffn_dim")),
        },
      });
      const model = module(`${P}Model`, {
        params: { level_embed: [levels, d] },
        children: {
          backbone: module(`${P}BackboneWithPositionalEncodings`, {
            children: {
              model: iFreezeBatchNorms(bb.module, `${P}FrozenBatchNorm2d`),
              position_embedding: learned
                ? module(`${P}LearnedPositionEmbedding`, { children: { row_embeddings: embedding(50, Math.floor(d / 2)), column_embeddings: embedding(50, Math.floor(d / 2)) } })
                : null,
            },
          }),
          input_proj: list("ModuleList", ...inputProj),
          query_position_embeddings: !twoStage && embedding(c.positiveInt("num_queries"), 2 * d),
          encoder: module(`${P}Encoder`, { children: { layers: repeat(encoderLayer, c.int("encoder_layers")) } }),
          // The box/class heads are attached only by DetaForObjectDetection.
          decoder: module(`${P}Decoder`, { children: { layers: repeat(decoderLayer, c.int("decoder_layers")) } }),
          enc_output: twoStage && linear(d, d),
          enc_output_norm: twoStage && layerNorm(d),
          pos_trans: twoStage && linear(2 * d, 2 * d),
          pos_trans_norm: twoStage && layerNorm(2 * d),
          pix_trans: twoStage && linear(d, d),
          pix_trans_norm: twoStage && layerNorm(d),
          reference_points: !twoStage && linear(d, 2),
        },
      });
      return built(model, [`${P}BackboneWithPositionalEncodings`, `${P}EncoderLayer`, `${P}DecoderLayer`]);
    },
  },
};
