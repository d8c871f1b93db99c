// transformers/models/longt5/{configuration,modeling}_longt5.py (4.47)
import { embedding, rmsNorm } from "../../modules/blocks.js";
import { module, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import { InvalidConfigError } from "../../errors.js";
import type { TransformersArchitecture } from "../types.js";
import { T5_CONFIG, deriveT5 } from "./t5.js";
import { t5StyleAttention, t5StyleDense, t5StyleStack } from "./shared/t5-style.js";
import { built } from "./shared/build.js";

/** The encoder's self-attention: local, or transient-global (which adds a side bias table and a norm). */
function encoderSelfAttention(c: Config, relativeBias: boolean): Module {
  const norm = () => rmsNorm("LongT5LayerNorm", c.positiveInt("d_model"));
  const type = c.string("encoder_attention_type");
  if (type === "local") {
    return module("LongT5LayerLocalSelfAttention", {
      children: { LocalSelfAttention: t5StyleAttention(c, "LongT5LocalAttention", relativeBias), layer_norm: norm() },
    });
  }
  if (type === "transient-global") {
    const extra = {
      global_relative_attention_bias: relativeBias && embedding(c.int("relative_attention_num_buckets"), c.positiveInt("num_heads")),
      global_input_layer_norm: norm(),
    };
    return module("LongT5LayerTransientGlobalSelfAttention", {
      children: { TransientGlobalSelfAttention: t5StyleAttention(c, "LongT5TransientGlobalAttention", relativeBias, extra), layer_norm: norm() },
    });
  }
  throw new InvalidConfigError(`${c.label}: \`encoder_attention_type\` must be "local" or "transient-global" (got ${type})`, "encoder_attention_type");
}

function longT5Stack(c: Config, shared: Module, decoder: boolean): Module {
  const d = c.positiveInt("d_model");
  return t5StyleStack(c, {
    prefix: "LongT5",
    decoder,
    layers: c.int(decoder ? "num_decoder_layers" : "num_layers"),
    // 4.47 builds its own table and re-points its weight at `shared`'s.
    shared,
    tokens: "copy",
    selfAttention: (i) =>
      decoder
        ? module("LongT5LayerSelfAttention", { children: { SelfAttention: t5StyleAttention(c, "LongT5Attention", i === 0), layer_norm: rmsNorm("LongT5LayerNorm", d) } })
        : encoderSelfAttention(c, i === 0),
    feedForward: () => module("LongT5LayerFF", { children: { DenseReluDense: t5StyleDense(c, "LongT5"), layer_norm: rmsNorm("LongT5LayerNorm", d) } }),
    blockKey: (i) => (i === 0 ? "first" : "rest"),
  });
}

function longT5Model(c: Config): Module {
  const shared = embedding(c.int("vocab_size"), c.positiveInt("d_model"));
  return module("LongT5Model", { children: { shared, encoder: longT5Stack(c, shared, false), decoder: longT5Stack(c, shared, true) } });
}

export const longt5: TransformersArchitecture = {
  modelType: "longt5",
  source: "transformers/models/longt5/modeling_longt5.py",
  config: {
    modelType: "longt5",
    defaults: { ...T5_CONFIG.defaults, local_radius: 127, global_block_size: 16, encoder_attention_type: "local" },
    attributeMap: T5_CONFIG.attributeMap,
    derive: deriveT5,
  },
  models: { AutoModel: (c) => built(longT5Model(c), ["LongT5Block"]) },
};
