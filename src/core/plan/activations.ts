/**
 * Activation memory, from the config's layer geometry. These are models of what PyTorch keeps alive, not exact
 * counts; each term is named so a reader can check it.
 *
 * Training (tensors saved for backward, per token per layer, in the activation dtype), for a pre-norm
 * attention + MLP block run with SDPA/FlashAttention (no seq × seq score matrix is kept):
 *   h (attention-norm input) + h (normed: q/k/v input) + q + 2·kv (saved by SDPA) + q (o_proj input)
 *   + h (MLP-norm input) + h (normed: MLP input) + MLP intermediates (gated: gate, up, act·up = 3·i; else 2·i)
 * This is Korthikanti et al. 2022 ("Reducing Activation Recomputation in Large Transformer Models", §4.1: 34·s·b·h
 * for GPT with 16-bit activations) restated for GQA and gated MLPs, without the dropout masks modern decoders
 * do not use. With gradient checkpointing only each block's input is kept (h per layer) plus one block's
 * activations recomputed during backward.
 * The LM head adds the logits: 16-bit logits, their float32 upcast for the loss, and its float32 gradient
 * (transformers' ForCausalLMLoss upcasts) = tokens × vocab × (bytes + 8).
 *
 * Inference (the peak transient of one prefill over batch × seq tokens): the residual stream and its normed
 * copy plus the widest of the attention projections (q + 2·kv + output) or the MLP intermediates, and the last
 * position's float32 logits (generate computes logits for the last token only).
 */
import type { Config } from "../config/config.js";
import { textConfigOf } from "./kv-cache.js";
import type { ArchitectureLookup } from "../architectures/registry.js";

export interface LayerGeometry {
  readonly hidden: number;
  readonly qWidth: number;
  readonly kvWidth: number;
  readonly intermediate: number;
  readonly gated: boolean;
  readonly layers: number;
  /** Encoder layers of an encoder-decoder (0 otherwise): they see encoder tokens. */
  readonly encoderLayers: number;
  readonly vocab: number;
}

function first(c: Config, keys: readonly string[]): number | undefined {
  for (const k of keys) {
    const v = c.get(k);
    if (typeof v === "number" && Number.isInteger(v) && v > 0) return v;
  }
  return undefined;
}

/**
 * The geometry of one block, or undefined when the config does not describe a transformer (timm, SSMs).
 * `gated`: the MLP has a gate projection (read from the module tree: gate_proj, w1/w3, wi_0…).
 */
export function layerGeometry(config: Config, gated: boolean, lookup: ArchitectureLookup): LayerGeometry | undefined {
  const c = textConfigOf(config, lookup);
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
    qWidth: heads * headDim,
    kvWidth: kvHeads * headDim,
    intermediate,
    gated,
    layers: decoderLayers,
    encoderLayers,
    vocab: first(c, ["vocab_size", "n_vocab"]) ?? 0,
  };
}

/** Elements saved for backward per token by one block. */
export function savedPerTokenPerLayer(g: LayerGeometry): number {
  const attention = 2 * g.hidden + g.qWidth + 2 * g.kvWidth + g.qWidth;
  const mlp = 2 * g.hidden + (g.gated ? 3 : 2) * g.intermediate;
  return attention + mlp;
}

export interface TrainingActivationRequest {
  readonly batch: number;
  readonly seq: number;
  readonly encoderSeq: number;
  readonly bytes: number;
  readonly checkpointing: boolean;
  /** Whether the model ends in a vocabulary head whose logits feed a cross-entropy loss. */
  readonly lmHead: boolean;
  /** The loss runs over 8 chunks of tokens, so only 1/8 of the logits (and their float32 copies) exist at once. */
  readonly chunkedLoss?: boolean;
}

export function trainingActivations(g: LayerGeometry, r: TrainingActivationRequest): number {
  const decTokens = r.batch * r.seq;
  const encTokens = g.encoderLayers > 0 ? r.batch * r.encoderSeq : 0;
  const perLayer = savedPerTokenPerLayer(g);
  // Cross-attention in each decoder block: its norm input/output, q and output (per decoder token), K and V of
  // the encoder states (per encoder token).
  const crossPerDecToken = g.encoderLayers > 0 ? 2 * g.hidden + 2 * g.qWidth : 0;
  const crossPerEncToken = g.encoderLayers > 0 ? 2 * g.kvWidth : 0;
  let elements: number;
  if (r.checkpointing) {
    const kept = (g.layers * decTokens + g.encoderLayers * encTokens) * g.hidden;
    const oneBlock = Math.max(perLayer * decTokens + crossPerDecToken * decTokens + crossPerEncToken * encTokens, perLayer * encTokens);
    elements = kept + oneBlock;
  } else {
    elements =
      g.layers * ((perLayer + crossPerDecToken) * decTokens + crossPerEncToken * encTokens) + g.encoderLayers * perLayer * encTokens;
  }
  let bytes = elements * r.bytes;
  if (r.lmHead && g.vocab > 0) bytes += Math.ceil((decTokens * g.vocab * (r.bytes === 4 ? 8 : r.bytes + 8)) / (r.chunkedLoss ? 8 : 1));
  return bytes;
}

export function inferenceActivations(g: LayerGeometry, batch: number, seq: number, bytes: number, generative: boolean): number {
  const tokens = batch * seq;
  const widest = Math.max(g.qWidth + 2 * g.kvWidth + g.qWidth, (g.gated ? 3 : 2) * g.intermediate);
  const perToken = 2 * g.hidden + widest;
  const logits = generative && g.vocab > 0 ? batch * g.vocab * 4 : 0;
  return tokens * perToken * bytes + logits;
}
