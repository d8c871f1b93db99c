// transformers/models/qwen2_vl/{configuration,modeling}_qwen2_vl.py (4.47)
import { embedding, rmsNorm, rotaryEmbedding } from "../../modules/blocks.js";
import { module, repeat } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { decoderAttention, deriveKvHeads, gatedMlp, rotaryDimOf, type DecoderStyle } from "./shared/decoder.js";

const style: DecoderStyle = { prefix: "Qwen2VL", qkvBias: () => true, attentionRotary: true };

// AutoModel builds only the language decoder (Qwen2VLModel); the vision tower lives in the generation class.
// Its layers reuse Qwen2's MLP and RMSNorm classes.
export const qwen2Vl: TransformersArchitecture = {
  modelType: "qwen2_vl",
  source: "transformers/models/qwen2_vl/modeling_qwen2_vl.py",
  config: {
    modelType: "qwen2_vl",
    defaults: {
      vocab_size: 152064,
      hidden_size: 8192,
      intermediate_size: 29568,
      num_hidden_layers: 80,
      num_attention_heads: 64,
      num_key_value_heads: 8,
      hidden_act: "silu",
      max_position_embeddings: 32768,
      rms_norm_eps: 1e-5,
      tie_word_embeddings: false,
      rope_theta: 1000000.0,
      use_sliding_window: false,
      sliding_window: 4096,
      max_window_layers: 80,
      rope_scaling: null,
    },
    derive: deriveKvHeads,
  },
  models: {
    AutoModel: (c) => {
      const hidden = c.positiveInt("hidden_size");
      const layer = module("Qwen2VLDecoderLayer", {
        children: {
          self_attn: decoderAttention(c, style),
          mlp: gatedMlp("Qwen2MLP", hidden, c.int("intermediate_size")),
          input_layernorm: rmsNorm("Qwen2RMSNorm", hidden),
          post_attention_layernorm: rmsNorm("Qwen2RMSNorm", hidden),
        },
      });
      const model = module("Qwen2VLModel", {
        children: {
          embed_tokens: embedding(c.int("vocab_size"), hidden),
          layers: repeat(layer, c.int("num_hidden_layers")),
          norm: rmsNorm("Qwen2RMSNorm", hidden),
          rotary_emb: rotaryEmbedding("Qwen2VLRotaryEmbedding", rotaryDimOf(c)),
        },
      });
      return built(model, ["Qwen2VLDecoderLayer", "Qwen2VLVisionBlock"]);
    },
  },
};
