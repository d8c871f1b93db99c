/**
 * Activation memory of transformer blocks, from the config's layer geometry and the kernels that run. Each term is
 * a tensor autograd keeps (training) or a transient that coexists at the forward's peak (inference), named so a
 * reader can check it; the oracle kit's activation mode (real transformers on CPU, saved-tensor hooks) measured
 * them on tiny Llama and BERT configs (test/fixtures/activations/, test/plan-activations.test.ts).
 *
 * Training, per token per layer, a = bytes of the activation dtype (2 for 16-bit or autocast, 4 for fp32):
 * - each norm: RMSNorm (transformers' `XxxRMSNorm` upcasts to float32): its float32 input 4h, the normalised
 *   tensor and the output in the activation dtype 2·a·h, the float32 rstd 4; LayerNorm: input and output 2·a·h
 *   plus mean and rstd (8). Two per block.
 * - attention, SDPA / FlashAttention-2: q and k after rotary, v, the output (which is also o_proj's input: the
 *   fused kernels return a transposed view of a [B, S, H, d] buffer) a·(2q + 2kv), and the float32 logsumexp 4·heads.
 *   With attention dropout the fused CUDA kernels apply it inside: no seq² term (the CPU math fallback does keep one).
 * - attention, eager (`eager_attention_forward`): q, K and V repeated to every head (`repeat_kv`) and the output
 *   copy a·4q, plus per attention element the float32 softmax 4 and its cast to the activation dtype (a, when
 *   a < 4); with attention dropout in training its mask (1 byte: CUDA's fused dropout keeps a bool) and its output a.
 * - MLP: gated (SwiGLU…) gate, act(gate), up, product 4·a·i; otherwise fc1 output and activation output 2·a·i
 *   (ReLU saves its output only, which the down projection shares: a·i).
 * - hidden dropouts (p > 0, training): a 1-byte mask per hidden element for each (after attention, after the MLP).
 * Outside the blocks: the final norm, the embedding dropout's mask, and for a language-model head the loss's
 * float32 log-softmax output 4·V per token plus the labels (int64); a masked-LM head's transform (dense, activation,
 * LayerNorm) 3·a·h. During backward the logits' gradient exists
 * (float32 4·V, cast back a·V). Gradient checkpointing (non-reentrant) keeps each block's input a·h and recomputes
 * one block during backward (after the logits' gradient is gone: the larger of the two counts).
 *
 * Inference (no_grad, one prefill of batch × prompt tokens): the peak of one block, the MLP's a·(4h + 3i) (gated;
 * 4h + 2i otherwise: residual, normed input, act, up and product live at once, with the allocator's slack measured
 * on the tiny Llama) or attention's a·(2h + 2q + 3kv) (+ eager: scores a, float32 softmax 4 and its cast per
 * attention element), and the last position's logits (generate keeps the last token's only) as float32.
 */
import type { ArchitectureLookup } from "../architectures/registry.js";
import type { Config } from "../config/config.js";
import { textConfigOf } from "./kv-cache.js";

import type { AttnImplementation } from "./types.js";
export { ATTN_IMPLEMENTATIONS, type AttnImplementation } from "./types.js";

export interface LayerGeometry {
  readonly hidden: number;
  readonly heads: number;
  readonly qWidth: number;
  readonly kvWidth: number;
  readonly intermediate: number;
  readonly gated: boolean;
  /** ReLU saves its output, which is also the down projection's input: one intermediate tensor, not two. */
  readonly relu: boolean;
  readonly norm: "rms" | "layer";
  readonly layers: number;
  /** Encoder layers of an encoder-decoder (0 otherwise): they see encoder tokens. */
  readonly encoderLayers: number;
  readonly vocab: number;
  /** Dropout probabilities from the config (0 when absent). */
  readonly attentionDropout: number;
  readonly hiddenDropout: number;
  /** Causal decoder (KV cache) vs bidirectional encoder: both compute the full seq × seq scores in eager mode. */
  readonly causal: boolean;
}

function first(c: Config, keys: readonly string[]): number | undefined {
  for (const k of keys) {
    const v = c.get(k);
    if (typeof v === "number" && Number.isInteger(v) && v > 0) return v;
  }
  return undefined;
}

function probability(c: Config, keys: readonly string[]): number {
  for (const k of keys) {
    const v = c.get(k);
    if (typeof v === "number" && v >= 0 && v < 1) return v;
  }
  return 0;
}

/**
 * The geometry of one block, or undefined when the config does not describe a transformer (CNNs, SSMs).
 * `gated`: the MLP has a gate projection; `rms`: the norms are RMSNorm (both read from the module tree).
 */
export function layerGeometry(config: Config, opts: { gated: boolean; rms: boolean; causal: boolean; lookup?: ArchitectureLookup }): LayerGeometry | undefined {
  const c = textConfigOf(config, opts.lookup);
  const hidden = first(c, ["hidden_size", "n_embd", "d_model", "dim"]);
  const heads = first(c, ["num_attention_heads", "n_head", "num_heads", "n_heads", "decoder_attention_heads"]);
  const encDec = c.bool("is_encoder_decoder");
  const decoderLayers = encDec
    ? first(c, ["decoder_layers", "num_decoder_layers", "num_layers"])
    : first(c, ["num_hidden_layers", "n_layer", "num_layers", "n_layers"]);
  if (!hidden || !heads || !decoderLayers) return undefined;
  const headDim = first(c, ["head_dim", "d_kv"]) ?? Math.floor(hidden / heads);
  const kvHeads = first(c, ["num_key_value_heads", "num_kv_heads"]) ?? (c.bool("multi_query") ? 1 : heads);
  const intermediate = first(c, ["intermediate_size", "n_inner", "ffn_dim", "d_ff", "decoder_ffn_dim", "ffn_hidden_size"]) ?? 4 * hidden;
  const encoderLayers = encDec ? (first(c, ["encoder_layers", "num_layers"]) ?? decoderLayers) : 0;
  return {
    hidden,
    heads,
    qWidth: heads * headDim,
    kvWidth: kvHeads * headDim,
    intermediate,
    gated: opts.gated,
    relu: ["hidden_act", "activation_function", "feed_forward_proj", "dense_act_fn", "afn"].some((k) => c.get(k) === "relu"),
    norm: opts.rms ? "rms" : "layer",
    layers: decoderLayers,
    encoderLayers,
    vocab: first(c, ["vocab_size", "n_vocab"]) ?? 0,
    attentionDropout: probability(c, ["attention_dropout", "attention_probs_dropout_prob", "attn_pdrop", "attn_dropout"]),
    hiddenDropout: probability(c, ["hidden_dropout_prob", "hidden_dropout", "resid_pdrop", "dropout", "dropout_rate", "residual_dropout"]),
    causal: opts.causal,
  };
}

function normBytes(g: LayerGeometry, a: number): number {
  return g.norm === "rms" ? 4 * g.hidden + 2 * a * g.hidden + 4 : 2 * a * g.hidden + 8;
}

/** Bytes per attention element (one head, one query, one key) saved by eager attention. */
function eagerElementBytes(a: number, dropout: boolean, maskBytes: number): number {
  return 4 + (a < 4 ? a : 0) + (dropout ? maskBytes + a : 0);
}

export interface BlockRequest {
  readonly bytes: number;
  readonly attn: AttnImplementation;
  readonly training: boolean;
  /**
   * Bytes per element of a dropout mask: 1 on CUDA (`native_dropout` keeps a bool mask, the default here); on CPU
   * `F.dropout` keeps a noise tensor in the activation dtype (the oracle kit's CPU measurements).
   */
  readonly dropoutMaskBytes?: number;
}

/** Bytes one block saves per token, apart from the seq²-scaled attention term. */
export function savedPerToken(g: LayerGeometry, r: BlockRequest): number {
  const a = r.bytes;
  const attention = r.attn === "eager" ? a * 4 * g.qWidth : a * (2 * g.qWidth + 2 * g.kvWidth) + 4 * g.heads;
  const mlp = a * (g.gated ? 4 : g.relu ? 1 : 2) * g.intermediate;
  const dropouts = r.training && g.hiddenDropout > 0 ? 2 * g.hidden * (r.dropoutMaskBytes ?? 1) : 0;
  return 2 * normBytes(g, a) + attention + mlp + dropouts;
}

/** Bytes per token per key position (the seq² term), 0 for fused kernels. */
export function savedPerTokenPerKey(g: LayerGeometry, r: BlockRequest): number {
  if (r.attn !== "eager") return 0;
  return g.heads * eagerElementBytes(r.bytes, r.training && g.attentionDropout > 0, r.dropoutMaskBytes ?? 1);
}

export interface TrainingActivationRequest {
  readonly batch: number;
  readonly seq: number;
  readonly encoderSeq: number;
  readonly bytes: number;
  readonly attn: AttnImplementation;
  readonly checkpointing: boolean;
  /** Whether the model ends in a vocabulary head whose logits feed a cross-entropy loss. */
  readonly lmHead: boolean;
  /** The loss runs over 8 chunks of tokens, so only 1/8 of the logits (and their float32 copies) exist at once. */
  readonly chunkedLoss?: boolean;
  /** See BlockRequest (default 1: CUDA). */
  readonly dropoutMaskBytes?: number;
  /** A masked-LM head with a transform (BERT's dense + activation + LayerNorm before the decoder). */
  readonly maskedLmTransform?: boolean;
}

export interface TrainingActivations {
  /** What autograd holds for backward at the end of the forward (the oracle's saved_for_backward_bytes). */
  readonly savedBytes: number;
  /** The forward's transient peak on top of the saved tensors (the loss's logits and their float32 upcast). */
  readonly forwardTransientBytes: number;
  /** On top of the saved tensors during backward: the logits' gradient, a checkpointed block recomputed. */
  readonly backwardTransientBytes: number;
}

export function trainingActivations(g: LayerGeometry, r: TrainingActivationRequest): TrainingActivations {
  const mask = r.dropoutMaskBytes ?? 1;
  const block: BlockRequest = { bytes: r.bytes, attn: r.attn, training: true, dropoutMaskBytes: mask };
  const a = r.bytes;
  const dec = r.batch * r.seq;
  const enc = g.encoderLayers > 0 ? r.batch * r.encoderSeq : 0;
  const perToken = savedPerToken(g, block);
  const perKey = savedPerTokenPerKey(g, block);
  const decBlock = dec * (perToken + perKey * r.seq);
  const encBlock = enc * (perToken + perKey * r.encoderSeq);
  // Cross-attention in each decoder block: a norm, q and output per decoder token, K and V per encoder token.
  const cross =
    g.encoderLayers > 0
      ? dec * (normBytes(g, a) + 2 * a * g.qWidth + (r.attn === "eager" ? perKey * r.encoderSeq : 4 * g.heads)) + enc * 2 * a * g.kvWidth
      : 0;
  // The transform of a masked-LM head keeps the dense output (activation input), the activation output (norm input)
  // and the norm's output (the decoder's input).
  const transform = r.maskedLmTransform && r.lmHead ? dec * (3 * a * g.hidden + 8) : 0;
  // The final norm of each stack (decoder, and encoder for encoder-decoders).
  const outside = (dec + enc) * normBytes(g, a) + (g.hiddenDropout > 0 ? (dec + enc) * g.hidden * mask : 0) + transform;
  const chunks = r.chunkedLoss ? 8 : 1;
  const lm = r.lmHead && g.vocab > 0;
  const loss = lm ? Math.ceil((dec * g.vocab * 4) / chunks) + dec * 8 : 0;
  let saved: number;
  let recompute = 0;
  if (r.checkpointing) {
    saved = (g.layers * dec + g.encoderLayers * enc) * a * g.hidden + outside + loss;
    recompute = Math.max(decBlock + cross / Math.max(1, g.layers), encBlock);
  } else {
    saved = g.layers * decBlock + g.encoderLayers * encBlock + cross * (g.encoderLayers > 0 ? g.layers : 0) + outside + loss;
  }
  const logitsUpcast = lm ? Math.ceil((dec * g.vocab * (a < 4 ? a + 4 : 4)) / chunks) : 0;
  const logitsGrad = lm ? Math.ceil((dec * g.vocab * (a < 4 ? 4 + a : 4)) / chunks) : 0;
  // The logits' gradient is freed once the head's backward is done, before the first checkpointed block is recomputed.
  return { savedBytes: saved, forwardTransientBytes: logitsUpcast, backwardTransientBytes: Math.max(logitsGrad, recompute) };
}

export interface InferenceActivationRequest {
  readonly batch: number;
  /** Prompt tokens of the prefill. */
  readonly seq: number;
  readonly encoderSeq: number;
  readonly bytes: number;
  readonly attn: AttnImplementation;
  readonly generative: boolean;
}

/** The prefill's transient peak (one block at a time), plus the last position's logits. */
export function inferenceActivations(g: LayerGeometry, r: InferenceActivationRequest): number {
  const a = r.bytes;
  const block = (tokensPerSeq: number, keys: number) => {
    const tokens = r.batch * tokensPerSeq;
    const mlp = a * (4 * g.hidden + (g.gated ? 3 : 2) * g.intermediate);
    // Eager: K and V repeated to every head, the [B, 1, S, S] additive mask, the scores and their float32 softmax.
    const attention =
      r.attn === "eager"
        ? a * (2 * g.hidden + 4 * g.qWidth + g.kvWidth) + keys * a + g.heads * keys * (a + 4 + (a < 4 ? a : 0))
        : a * (2 * g.hidden + 2 * g.qWidth + 3 * g.kvWidth);
    return tokens * Math.max(mlp, attention);
  };
  const dec = block(r.seq, r.seq);
  const enc = g.encoderLayers > 0 ? block(r.encoderSeq, r.encoderSeq) : 0;
  const logits = r.generative && g.vocab > 0 ? r.batch * g.vocab * (4 + a) : 0;
  return Math.max(dec, enc) + logits;
}
