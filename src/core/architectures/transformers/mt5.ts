// transformers/models/{mt5,umt5}/{configuration,modeling}_*.py (4.47): T5 with other defaults and class names.
import { linear } from "../../modules/blocks.js";
import { module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { T5_CONFIG, t5Model, type T5Names } from "./t5.js";
import { built } from "./shared/build.js";

/** `MT5Config.__init__` / `UMT5Config.__init__` (identical defaults). */
const MT5_DEFAULTS = {
  ...T5_CONFIG.defaults,
  vocab_size: 250112,
  d_ff: 1024,
  num_layers: 8,
  num_heads: 6,
  feed_forward_proj: "gated-gelu",
  tie_word_embeddings: false,
  decoder_start_token_id: 0,
  classifier_dropout: 0.0,
  tokenizer_class: "T5Tokenizer",
};

function t5Variant(modelType: string, names: T5Names): TransformersArchitecture {
  const noSplit = [`${names.prefix}Block`];
  return {
    modelType,
    source: `transformers/models/${modelType}/modeling_${modelType}.py`,
    config: { ...T5_CONFIG, modelType, defaults: MT5_DEFAULTS },
    models: {
      AutoModel: (c) => built(t5Model(c, names), noSplit),
      AutoModelForTextEncoding: (c) => built(t5Model(c, names, `${names.prefix}EncoderModel`), noSplit),
      // The stacks as in the base model, then an lm_head (its tie, if configured, is a weight reassignment that
      // accelerate's empty init undoes, so it weighs in full).
      AutoModelForSeq2SeqLM: (c) => {
        const base = t5Model(c, names);
        return built(
          module(`${names.prefix}ForConditionalGeneration`, {
            children: { ...Object.fromEntries(base.children), lm_head: linear(c.positiveInt("d_model"), c.int("vocab_size"), false) },
          }),
          noSplit,
        );
      },
    },
  };
}

export const mt5 = t5Variant("mt5", { prefix: "MT5" });
// UMT5 gives every layer its own relative-position table.
export const umt5 = t5Variant("umt5", { prefix: "UMT5", biasInEveryLayer: true });
