// transformers/models/biogpt/{configuration,modeling}_biogpt.py (4.47)
import type { Config } from "../../config/config.js";
import { embedding, layerNorm } from "../../modules/blocks.js";
import { module, repeat, type Module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { fairseqDecoderLayer, lmHead } from "./shared/fairseq-decoder.js";

function model(c: Config): Module {
  const dim = c.positiveInt("hidden_size");
  c.divisible("hidden_size", "num_attention_heads");
  const layer = fairseqDecoderLayer({ prefix: "BioGpt", dim, ffn: c.int("intermediate_size") });
  return module("BioGptModel", {
    children: {
      embed_tokens: embedding(c.int("vocab_size"), dim, "BioGptScaledWordEmbedding"),
      // Learned positions carry fairseq's 2-row padding offset.
      embed_positions: embedding(c.int("max_position_embeddings") + 2, dim, "BioGptLearnedPositionalEmbedding"),
      layers: repeat(layer, c.int("num_hidden_layers")),
      layer_norm: layerNorm(dim),
    },
  });
}

export const biogpt: TransformersArchitecture = {
  modelType: "biogpt",
  source: "transformers/models/biogpt/modeling_biogpt.py",
  config: {
    modelType: "biogpt",
    defaults: {
      vocab_size: 42384,
      hidden_size: 1024,
      num_hidden_layers: 24,
      num_attention_heads: 16,
      intermediate_size: 4096,
      hidden_act: "gelu",
      max_position_embeddings: 1024,
      layer_norm_eps: 1e-12,
      scale_embedding: true,
      pad_token_id: 1,
      bos_token_id: 0,
      eos_token_id: 2,
    },
  },
  models: {
    // BioGptPreTrainedModel declares no _no_split_modules.
    AutoModel: (c) => built(model(c), null),
    AutoModelForCausalLM: (c) =>
      built(
        module("BioGptForCausalLM", {
          children: { biogpt: model(c), output_projection: lmHead(c.positiveInt("hidden_size"), c.int("vocab_size")) },
        }),
        null,
      ),
  },
};
