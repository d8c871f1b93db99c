/**
 * The Llama-style decoder that most causal LMs share (transformers/models/llama/modeling_llama.py 4.47):
 * embed_tokens → N × (self_attn, mlp, input_layernorm, post_attention_layernorm) → norm, with rotary
 * `inv_freq` buffers where that version registers them. Each model supplies its class prefix and differences.
 */
import type { Config } from "../../../config/config.js";
import { embedding, linear, rmsNorm, rotaryEmbedding } from "../../../modules/blocks.js";
import { module, repeat, type Module } from "../../../modules/module.js";
import type { ModelBuild } from "../../types.js";
import { built, headDim } from "./build.js";

export interface DecoderStyle {
  /** Class prefix: "Llama" gives LlamaModel, LlamaDecoderLayer, LlamaAttention, LlamaMLP, LlamaRMSNorm. */
  readonly prefix: string;
  /** Bias on q/k/v (`attention_bias` for Llama; always on for Qwen2). */
  readonly qkvBias?: (c: Config) => boolean;
  /** Bias on o_proj. */
  readonly outBias?: (c: Config) => boolean;
  readonly mlpBias?: (c: Config) => boolean;
  /** 4.47 still gives each attention module its own `rotary_emb` (Llama, Mistral, Qwen2…). */
  readonly attentionRotary?: boolean;
  /** …and some models also one at the top (`LlamaModel.rotary_emb`). */
  readonly modelRotary?: boolean;
  /** Width `inv_freq` covers (default: head_dim × partial_rotary_factor). */
  readonly rotaryDim?: (c: Config) => number;
  /** The norm class; defaults to `${prefix}RMSNorm`. */
  readonly norm?: (c: Config, dim: number) => Module;
  /** The MLP; defaults to the gated gate/up/down projections. */
  readonly mlp?: (c: Config) => Module;
}

export function rotaryDimOf(c: Config): number {
  const factor = c.has("partial_rotary_factor") ? c.number("partial_rotary_factor") : 1;
  return Math.floor(headDim(c) * factor);
}

/** `XxxMLP`: gate_proj and up_proj (hidden → intermediate), down_proj back. */
export function gatedMlp(cls: string, hidden: number, intermediate: number, bias = false): Module {
  return module(cls, {
    children: {
      gate_proj: linear(hidden, intermediate, bias),
      up_proj: linear(hidden, intermediate, bias),
      down_proj: linear(intermediate, hidden, bias),
    },
  });
}

export function decoderAttention(c: Config, style: DecoderStyle): Module {
  const hidden = c.positiveInt("hidden_size");
  const heads = c.positiveInt("num_attention_heads");
  const kvHeads = c.positiveInt("num_key_value_heads");
  const dim = headDim(c);
  const qkvBias = style.qkvBias?.(c) ?? false;
  return module(`${style.prefix}Attention`, {
    children: {
      q_proj: linear(hidden, heads * dim, qkvBias),
      k_proj: linear(hidden, kvHeads * dim, qkvBias),
      v_proj: linear(hidden, kvHeads * dim, qkvBias),
      o_proj: linear(heads * dim, hidden, style.outBias?.(c) ?? false),
      rotary_emb: style.attentionRotary === true && rotaryEmbedding(`${style.prefix}RotaryEmbedding`, (style.rotaryDim ?? rotaryDimOf)(c)),
    },
  });
}

export function decoderLayer(c: Config, style: DecoderStyle): Module {
  const hidden = c.positiveInt("hidden_size");
  const norm = style.norm ?? ((_: Config, dim: number) => rmsNorm(`${style.prefix}RMSNorm`, dim));
  return module(`${style.prefix}DecoderLayer`, {
    children: {
      self_attn: decoderAttention(c, style),
      mlp: style.mlp?.(c) ?? gatedMlp(`${style.prefix}MLP`, hidden, c.int("intermediate_size"), style.mlpBias?.(c) ?? false),
      input_layernorm: norm(c, hidden),
      post_attention_layernorm: norm(c, hidden),
    },
  });
}

export function decoderModel(c: Config, style: DecoderStyle, layer: Module = decoderLayer(c, style)): Module {
  const hidden = c.positiveInt("hidden_size");
  const norm = style.norm ?? ((_: Config, dim: number) => rmsNorm(`${style.prefix}RMSNorm`, dim));
  return module(`${style.prefix}Model`, {
    children: {
      embed_tokens: embedding(c.int("vocab_size"), hidden),
      layers: repeat(layer, c.int("num_hidden_layers")),
      norm: norm(c, hidden),
      rotary_emb: style.modelRotary === true && rotaryEmbedding(`${style.prefix}RotaryEmbedding`, (style.rotaryDim ?? rotaryDimOf)(c)),
    },
  });
}

/** `XxxForCausalLM`: the backbone as `model`, then `lm_head` (tied to the embeddings when configured). */
export function causalLm(c: Config, cls: string, backbone: Module, noSplit: readonly string[]): ModelBuild {
  const hidden = c.positiveInt("hidden_size");
  const vocab = c.int("vocab_size");
  // Tied or not, the head counts in full: accelerate's init_empty_weights re-wraps the Parameter that
  // tie_weights() assigns, so PyTorch no longer sees one tensor under two names (see docs/porting.md).
  const head = linear(hidden, vocab, false);
  return built(module(cls, { children: { model: backbone, lm_head: head } }), noSplit);
}

/** Builds the `AutoModel` and `AutoModelForCausalLM` entries for a Llama-style decoder. */
export function decoderModels(style: DecoderStyle) {
  const noSplit = [`${style.prefix}DecoderLayer`];
  return {
    AutoModel: (c: Config) => built(decoderModel(c, style), noSplit),
    AutoModelForCausalLM: (c: Config) => causalLm(c, `${style.prefix}ForCausalLM`, decoderModel(c, style), noSplit),
  };
}

/** `num_key_value_heads` defaults to the attention head count (GQA off) — the idiom of every Llama-style config. */
export function deriveKvHeads(c: Config): void {
  c.setDefault("num_key_value_heads", c.get("num_attention_heads"));
}
