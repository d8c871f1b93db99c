// transformers/models/t5/{configuration,modeling}_t5.py (4.47)
import { embedding, linear, rmsNorm } from "../../modules/blocks.js";
import { alias, list, module, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import { InvalidConfigError } from "../../errors.js";
import type { ConfigSpec } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";

export interface T5Names {
  /** "T5", "MT5", "UMT5"… */
  readonly prefix: string;
  /** UMT5 gives every layer its own relative-position table; T5 only the first. */
  readonly biasInEveryLayer?: boolean;
}

function attention(c: Config, names: T5Names, relativeBias: boolean): Module {
  const dModel = c.positiveInt("d_model");
  const inner = c.positiveInt("num_heads") * c.int("d_kv");
  return module(`${names.prefix}Attention`, {
    children: {
      q: linear(dModel, inner, false),
      k: linear(dModel, inner, false),
      v: linear(dModel, inner, false),
      o: linear(inner, dModel, false),
      relative_attention_bias: relativeBias && embedding(c.int("relative_attention_num_buckets"), c.positiveInt("num_heads")),
    },
  });
}

function feedForward(c: Config, names: T5Names): Module {
  const dModel = c.positiveInt("d_model");
  const dFf = c.int("d_ff");
  const dense = c.bool("is_gated_act")
    ? module(`${names.prefix}DenseGatedActDense`, {
        children: { wi_0: linear(dModel, dFf, false), wi_1: linear(dModel, dFf, false), wo: linear(dFf, dModel, false) },
      })
    : module(`${names.prefix}DenseActDense`, { children: { wi: linear(dModel, dFf, false), wo: linear(dFf, dModel, false) } });
  return module(`${names.prefix}LayerFF`, {
    children: { DenseReluDense: dense, layer_norm: rmsNorm(`${names.prefix}LayerNorm`, dModel) },
  });
}

function block(c: Config, names: T5Names, isDecoder: boolean, relativeBias: boolean): Module {
  const dModel = c.positiveInt("d_model");
  const norm = () => rmsNorm(`${names.prefix}LayerNorm`, dModel);
  const layers: Module[] = [
    module(`${names.prefix}LayerSelfAttention`, { children: { SelfAttention: attention(c, names, relativeBias), layer_norm: norm() } }),
  ];
  if (isDecoder) {
    layers.push(
      module(`${names.prefix}LayerCrossAttention`, { children: { EncDecAttention: attention(c, names, false), layer_norm: norm() } }),
    );
  }
  layers.push(feedForward(c, names));
  return module(`${names.prefix}Block`, { children: { layer: list("ModuleList", ...layers) } });
}

/** `T5Stack`: the shared embedding (reached again, so tied), the blocks, the final norm. */
export function t5Stack(c: Config, names: T5Names, shared: Module, isDecoder: boolean, layers: number): Module {
  const first = block(c, names, isDecoder, true);
  const rest = names.biasInEveryLayer ? first : block(c, names, isDecoder, false);
  return module(`${names.prefix}Stack`, {
    children: {
      embed_tokens: alias(shared),
      block: list("ModuleList", { module: first, count: Math.min(layers, 1) }, { module: rest, count: Math.max(layers - 1, 0) }),
      final_layer_norm: rmsNorm(`${names.prefix}LayerNorm`, c.positiveInt("d_model")),
    },
  });
}

export function t5Model(c: Config, names: T5Names, cls = `${names.prefix}Model`): Module {
  const shared = embedding(c.int("vocab_size"), c.positiveInt("d_model"));
  return module(cls, {
    children: {
      shared,
      encoder: t5Stack(c, names, shared, false, c.int("num_layers")),
      // `T5EncoderModel` stops after the encoder.
      decoder: !cls.endsWith("EncoderModel") && t5Stack(c, names, shared, true, c.int("num_decoder_layers")),
      // `T5ForConditionalGeneration.lm_head`; tied to `shared` by assignment, so it counts in full under accelerate.
      lm_head: cls.endsWith("ForConditionalGeneration") && linear(c.positiveInt("d_model"), c.int("vocab_size"), false),
    },
  });
}

/** T5Config.__init__: decoder depth defaults to the encoder's; `feed_forward_proj` "gated-gelu" → gated MLP. */
export function deriveT5(c: Config): void {
  c.setDefault("num_decoder_layers", c.get("num_layers"));
  const proj = c.string("feed_forward_proj");
  const parts = proj.split("-");
  const gated = parts[0] === "gated";
  if ((parts.length > 1 && !gated) || parts.length > 2) {
    throw new InvalidConfigError(`${c.label}: \`feed_forward_proj\`: ${proj} is not a valid activation function of the dense layer`, "feed_forward_proj");
  }
  c.set("is_gated_act", gated);
}

export const T5_CONFIG: ConfigSpec = {
  modelType: "t5",
  defaults: {
    vocab_size: 32128,
    d_model: 512,
    d_kv: 64,
    d_ff: 2048,
    num_layers: 6,
    num_decoder_layers: null,
    num_heads: 8,
    relative_attention_num_buckets: 32,
    relative_attention_max_distance: 128,
    dropout_rate: 0.1,
    layer_norm_epsilon: 1e-6,
    feed_forward_proj: "relu",
    is_encoder_decoder: true,
    pad_token_id: 0,
    eos_token_id: 1,
  },
  attributeMap: { hidden_size: "d_model", num_attention_heads: "num_heads", num_hidden_layers: "num_layers", head_dim: "d_kv" },
  derive: deriveT5,
};

export const t5: TransformersArchitecture = {
  modelType: "t5",
  source: "transformers/models/t5/modeling_t5.py",
  config: T5_CONFIG,
  models: {
    AutoModel: (c) => built(t5Model(c, { prefix: "T5" }), ["T5Block"]),
    AutoModelForSeq2SeqLM: (c) => built(t5Model(c, { prefix: "T5" }, "T5ForConditionalGeneration"), ["T5Block"]),
    AutoModelForTextEncoding: (c) => built(t5Model(c, { prefix: "T5" }, "T5EncoderModel"), ["T5Block"]),
  },
};
