// transformers/models/gptsan_japanese/{configuration,modeling}_gptsan_japanese.py (4.47)
import type { Config } from "../../config/config.js";
import { embedding, layerNorm, linear } from "../../modules/blocks.js";
import { checkIndexedLayers, buffer, list, module, stateless, type Module, type Run } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { fairseqAttention } from "./shared/fairseq-decoder.js";

function block(c: Config, ext: boolean): Module {
  const d = c.positiveInt("d_model");
  c.divisible("d_model", "num_heads");
  // Switch layers: bias-free ReLU experts of width d_ff; extra layers: one biased Swish FFN of width d_ext.
  const dense = (inner: number, bias: boolean) =>
    module("GPTSanJapaneseDenseActDense", { children: { wi: linear(d, inner, bias), wo: linear(inner, d, bias) } });
  const experts = c.int("num_experts");
  checkIndexedLayers(experts, "experts (`num_experts`), each its own ModuleDict entry");
  const expert = dense(c.int("d_ff"), false);
  const feed_forward = ext
    ? module("GPTSanJapaneseLayerDenseFF", { children: { mlp: dense(c.int("d_ext"), true), norm: layerNorm(d) } })
    : module("GPTSanJapaneseLayerSparseFF", {
        children: {
          mlp: module("GPTSanJapaneseSparseMLP", {
            children: {
              router: module("GPTSanJapaneseTop1Router", { children: { classifier: linear(d, experts, c.bool("router_bias")) } }),
              experts: module("ModuleDict", { children: Object.fromEntries(Array.from({ length: experts }, (_, i) => [`expert_${i}`, expert])) }),
            },
          }),
          soft_bypass_mlp: linear(d, d, false),
          norm: layerNorm(d),
        },
      });
  return module("GPTSanJapaneseBlock", {
    children: {
      self_attn: module("GPTSanJapaneseLayerSelfAttention", {
        children: { self_attn: fairseqAttention("GPTSanJapaneseAttention", d, false), norm: layerNorm(d) },
      }),
      feed_forward,
    },
  });
}

function model(c: Config): Module {
  const d = c.positiveInt("d_model");
  const positions = c.int("max_position_embeddings");
  const ext = c.int("num_ext_layers");
  const spout = c.int("d_spout");
  const spoutLayers: Run[] = [];
  for (let i = 0; i < 8; i++) spoutLayers.push({ module: linear(spout, spout, false), count: 1 }, { module: stateless("Tanh"), count: 1 });
  spoutLayers.push({ module: linear(spout, c.int("num_layers") * 2 * d, false), count: 1 });
  return module("GPTSanJapaneseModel", {
    children: {
      position_embeddings: embedding(positions, d),
      embed_tokens: embedding(c.int("vocab_size"), d),
      last_project: linear(d, d),
      blocks: list("ModuleList", { module: block(c, false), count: c.int("num_switch_layers") }, { module: block(c, true), count: ext }),
      extra_position_embeddings: ext > 0 && embedding(positions, d),
      spout: spout > 0 && list("Sequential", ...spoutLayers),
    },
  });
}

export const gptsanJapanese: TransformersArchitecture = {
  modelType: "gptsan-japanese",
  source: "transformers/models/gptsan_japanese/modeling_gptsan_japanese.py",
  config: {
    modelType: "gptsan-japanese",
    defaults: {
      vocab_size: 36000,
      max_position_embeddings: 1280,
      d_model: 1024,
      d_ff: 8192,
      d_ext: 4096,
      d_spout: 128,
      num_switch_layers: 10,
      num_ext_layers: 0,
      num_heads: 16,
      num_experts: 16,
      expert_capacity: 128,
      layer_norm_epsilon: 1e-5,
      router_bias: false,
      router_dtype: "float32",
      separator_token_id: 35998,
      pad_token_id: 35995,
      eos_token_id: 35999,
    },
    attributeMap: { hidden_size: "d_model", num_attention_heads: "num_heads", num_hidden_layers: "num_layers" },
    derive: (c) => c.setDefault("num_layers", c.int("num_switch_layers") + c.int("num_ext_layers")),
  },
  models: {
    // AutoModel maps this type to the LM class. Its `lm_head.weight = embed_tokens.weight` assignment happens
    // under accelerate's init_empty_weights, which re-wraps every registered parameter: the tie is lost and the
    // head counts in full (as the reference shows).
    AutoModel: (c) =>
      built(
        module("GPTSanJapaneseForConditionalGeneration", {
          buffers: { final_logits_bias: buffer([1, c.int("vocab_size")]) },
          children: { model: model(c), lm_head: linear(c.positiveInt("d_model"), c.int("vocab_size"), false) },
        }),
        ["GPTSanJapaneseBlock"],
      ),
  },
};
