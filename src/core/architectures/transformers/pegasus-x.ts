// transformers/models/pegasus_x/{configuration,modeling}_pegasus_x.py (4.47)
import { embedding, layerNorm, linear } from "../../modules/blocks.js";
import { alias, module, repeat, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { bartAttention, bartForConditionalGeneration, type BartStyle } from "./shared/bart-family.js";
import { built } from "./shared/build.js";

const P = "PegasusX";
const STYLE: BartStyle = { prefix: P, tokenCls: `${P}ScaledWordEmbedding`, tokens: "module", positions: "learned", embeddingNorm: false, finalNorm: true };
const NO_SPLIT = [`${P}EncoderLayer`, `${P}DecoderLayer`];

// Sinusoidal positions are computed on the fly (no tensors); all attention projections are bias-free.
function stack(c: Config, shared: Module, decoder: boolean): Module {
  const d = c.positiveInt("d_model");
  const side = decoder ? "decoder" : "encoder";
  c.divisible("d_model", `${side}_attention_heads`);
  const ffn = c.int(`${side}_ffn_dim`);
  const layer = module(`${P}${decoder ? "Decoder" : "Encoder"}Layer`, {
    children: {
      self_attn: bartAttention(STYLE, d, d, false, decoder ? `${P}Attention` : `${P}GlobalLocalAttention`),
      self_attn_layer_norm: layerNorm(d),
      global_self_attn_layer_norm: !decoder && layerNorm(d),
      encoder_attn: decoder && bartAttention(STYLE, d, d, false),
      encoder_attn_layer_norm: decoder && layerNorm(d),
      fc1: linear(d, ffn),
      fc2: linear(ffn, d),
      final_layer_norm: layerNorm(d),
    },
  });
  return module(`${P}${decoder ? "Decoder" : "Encoder"}`, {
    children: {
      embed_tokens: alias(shared),
      embed_global: !decoder && embedding(c.int("num_global_tokens"), d),
      layers: repeat(layer, c.int(`${side}_layers`)),
      layer_norm: layerNorm(d),
    },
  });
}

function model(c: Config): Module {
  const shared = embedding(c.int("vocab_size"), c.positiveInt("d_model"), STYLE.tokenCls);
  return module(`${P}Model`, { children: { shared, encoder: stack(c, shared, false), decoder: stack(c, shared, true) } });
}

export const pegasusX: TransformersArchitecture = {
  modelType: "pegasus_x",
  source: "transformers/models/pegasus_x/modeling_pegasus_x.py",
  config: {
    modelType: "pegasus_x",
    defaults: {
      vocab_size: 96103,
      max_position_embeddings: 16384,
      encoder_layers: 16,
      encoder_ffn_dim: 4096,
      encoder_attention_heads: 16,
      decoder_layers: 16,
      decoder_ffn_dim: 4096,
      decoder_attention_heads: 16,
      activation_function: "gelu",
      d_model: 1024,
      scale_embedding: true,
      is_encoder_decoder: true,
      pad_token_id: 0,
      eos_token_id: 1,
      decoder_start_token_id: 0,
      forced_eos_token_id: 1,
      num_global_tokens: 32,
      block_size: 512,
      stagger_local_blocks: true,
    },
    attributeMap: { num_attention_heads: "encoder_attention_heads", hidden_size: "d_model" },
  },
  models: {
    AutoModel: (c) => built(model(c), NO_SPLIT),
    // No `final_logits_bias` in PEGASUS-X.
    AutoModelForSeq2SeqLM: (c) =>
      built(bartForConditionalGeneration(c, STYLE, model(c), c.int("vocab_size"), `${P}ForConditionalGeneration`, false), NO_SPLIT),
  },
};
