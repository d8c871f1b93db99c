/**
 * Helpers for the BERT relatives whose embeddings or layers deviate from `bert-like.ts` in small ways
 * (missing position/token-type tables, a separate embedding width, pre-LayerNorm layers).
 */
import type { Config } from "../../../config/config.js";
import { embedding, layerNorm, linear, positionIdsBuffer } from "../../../modules/blocks.js";
import { module, type Module } from "../../../modules/module.js";
import { bertSelfAttention } from "./bert-like.js";

export interface EmbeddingsShape {
  /** The config key of the embedding width (`embedding_size`, `input_embedding_size`); default `hidden_size`. */
  widthKey?: string;
  position?: boolean;
  tokenType?: boolean;
  layerNorm?: boolean;
  positionIds?: boolean;
  tokenTypeIds?: boolean;
  /** Rows added to the position table (RoBERTa-style ids start after the padding index: Yoso, MRA +2). */
  extraPositions?: number;
}

/** `XxxEmbeddings` with the parts a model keeps, in BERT's registration order. */
export function embeddingsOf(c: Config, cls: string, s: EmbeddingsShape = {}): Module {
  const width = c.positiveInt(s.widthKey ?? "hidden_size");
  const maxPositions = c.int("max_position_embeddings");
  return module(cls, {
    children: {
      word_embeddings: embedding(c.int("vocab_size"), width),
      position_embeddings: (s.position ?? true) && embedding(maxPositions + (s.extraPositions ?? 0), width),
      token_type_embeddings: (s.tokenType ?? true) && embedding(c.int("type_vocab_size"), width),
      LayerNorm: (s.layerNorm ?? true) && layerNorm(width),
    },
    buffers: {
      position_ids: (s.positionIds ?? true) && positionIdsBuffer(maxPositions),
      token_type_ids: (s.tokenTypeIds ?? true) && positionIdsBuffer(maxPositions),
    },
  });
}

/** A Linear-only output (`XxxSelfOutput`/`XxxOutput` of the pre-LayerNorm variants: dense + dropout). */
export function denseOnly(cls: string, inFeatures: number, outFeatures: number): Module {
  return module(cls, { children: { dense: linear(inFeatures, outFeatures) } });
}

/** The self-attention + Linear output pair, with the pre-norm LayerNorm placed where the model registers it. */
export function preNormAttention(c: Config, prefix: string, lnName: string, lnFirst: boolean): Module {
  const hidden = c.positiveInt("hidden_size");
  const ln = layerNorm(hidden);
  return module(`${prefix}Attention`, {
    children: {
      ...(lnFirst ? { [lnName]: ln } : {}),
      self: bertSelfAttention(c, prefix),
      output: denseOnly(`${prefix}SelfOutput`, hidden, hidden),
      ...(lnFirst ? {} : { [lnName]: ln }),
    },
  });
}

/** `m` with more children registered after its own (absent entries skipped, as `module()` does). */
export function withChildren(m: Module, extra: Readonly<Record<string, Module | false | null | undefined>>): Module {
  const added = Object.entries(extra).filter((e): e is [string, Module] => Boolean(e[1]));
  return { ...m, children: [...m.children, ...added] };
}

/** `XxxLayer` as BERT's, with extra children appended to its self-attention (a conv, extra projections…). */
export function bertLayerWith(c: Config, prefix: string, selfExtra: Readonly<Record<string, Module | false>>): Module {
  const hidden = c.positiveInt("hidden_size");
  const intermediate = c.int("intermediate_size");
  const attention = module(`${prefix}Attention`, {
    children: {
      self: withChildren(bertSelfAttention(c, prefix), selfExtra),
      output: module(`${prefix}SelfOutput`, { children: { dense: linear(hidden, hidden), LayerNorm: layerNorm(hidden) } }),
    },
  });
  return module(`${prefix}Layer`, {
    children: {
      attention,
      crossattention: c.bool("add_cross_attention") && attention,
      intermediate: module(`${prefix}Intermediate`, { children: { dense: linear(hidden, intermediate) } }),
      output: module(`${prefix}Output`, { children: { dense: linear(intermediate, hidden), LayerNorm: layerNorm(hidden) } }),
    },
  });
}
