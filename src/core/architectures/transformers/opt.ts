// transformers/models/opt/{configuration,modeling}_opt.py (4.47)
import type { Config } from "../../config/config.js";
import { embedding, layerNorm, linear } from "../../modules/blocks.js";
import { module, repeat, type Module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { fairseqDecoderLayer, lmHead } from "./shared/fairseq-decoder.js";

function decoder(c: Config): Module {
  const hidden = c.positiveInt("hidden_size");
  const proj = c.positiveInt("word_embed_proj_dim");
  const affine = c.bool("layer_norm_elementwise_affine");
  c.divisible("hidden_size", "num_attention_heads");
  const layer = fairseqDecoderLayer({ prefix: "OPT", dim: hidden, ffn: c.int("ffn_dim"), bias: c.bool("enable_bias"), affine });
  return module("OPTDecoder", {
    children: {
      embed_tokens: embedding(c.int("vocab_size"), proj),
      // OPTLearnedPositionalEmbedding keeps 2 extra rows (the fairseq padding offset).
      embed_positions: embedding(c.int("max_position_embeddings") + 2, hidden, "OPTLearnedPositionalEmbedding"),
      project_out: proj !== hidden && linear(hidden, proj, false),
      project_in: proj !== hidden && linear(proj, hidden, false),
      final_layer_norm: c.bool("do_layer_norm_before") && !c.bool("_remove_final_layer_norm") && layerNorm(hidden, { affine }),
      layers: repeat(layer, c.int("num_hidden_layers")),
    },
  });
}

const NO_SPLIT = ["OPTDecoderLayer"];
const model = (c: Config) => module("OPTModel", { children: { decoder: decoder(c) } });

export const opt: TransformersArchitecture = {
  modelType: "opt",
  source: "transformers/models/opt/modeling_opt.py",
  config: {
    modelType: "opt",
    defaults: {
      vocab_size: 50272,
      hidden_size: 768,
      num_hidden_layers: 12,
      ffn_dim: 3072,
      max_position_embeddings: 2048,
      do_layer_norm_before: true,
      _remove_final_layer_norm: false,
      word_embed_proj_dim: null,
      num_attention_heads: 12,
      activation_function: "relu",
      pad_token_id: 1,
      bos_token_id: 2,
      eos_token_id: 2,
      enable_bias: true,
      layer_norm_elementwise_affine: true,
    },
    derive: (c) => c.setDefault("word_embed_proj_dim", c.get("hidden_size")),
  },
  models: {
    AutoModel: (c) => built(model(c), NO_SPLIT),
    AutoModelForCausalLM: (c) => {
      const vocab = c.int("vocab_size");
      const proj = c.positiveInt("word_embed_proj_dim");
      return built(module("OPTForCausalLM", { children: { model: model(c), lm_head: lmHead(proj, vocab) } }), NO_SPLIT);
    },
  },
};
