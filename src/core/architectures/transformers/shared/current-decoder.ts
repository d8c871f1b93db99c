// transformers/models/{llama,qwen3,mixtral}/modeling_*.py (transformers 5.x): the pieces newer decoders share.
/**
 * Current transformers differs from 4.47 in three ways that change the tree: one `rotary_emb` on the model and
 * none per attention (each holding `inv_freq` and, since the dynamic-RoPE fix, an `original_inv_freq` copy, both
 * non-persistent buffers); MoE experts as fused 3-D parameters on one `XxxExperts` module; routers as bare
 * `weight` parameters. Everything here builds those; the models compose them.
 */
import type { Config } from "../../../config/config.js";
import { embedding, linear, rmsNorm } from "../../../modules/blocks.js";
import { buffer, checkIndexedLayers, list, module, type Module, type Run } from "../../../modules/module.js";
import { headDim } from "./build.js";

/** `XxxRotaryEmbedding` as current code registers it; `types` gives Gemma3's per-layer-type buffer names. */
export function currentRotary(cls: string, width: number, types: readonly string[] = [""]): Module {
  const half = Math.ceil(width / 2);
  const buffers: Record<string, ReturnType<typeof buffer>> = {};
  for (const type of types) {
    const prefix = type === "" ? "" : `${type}_`;
    buffers[`${prefix}inv_freq`] = buffer([half], "float32", false);
    buffers[`${prefix}original_inv_freq`] = buffer([half], "float32", false);
  }
  return module(cls, { buffers });
}

export interface AttentionOptions {
  readonly qkvBias?: boolean;
  readonly outBias?: boolean;
  /** Qwen3/Gemma3: an RMSNorm over each head's query and key (class name given). */
  readonly qkNorm?: string;
  /** GPT-OSS: one learned attention-sink logit per head, the module's own parameter. */
  readonly sinks?: boolean;
}

/** Llama-style q/k/v/o attention (`head_dim` explicit or hidden / heads). */
export function gAttention(c: Config, cls: string, opts: AttentionOptions = {}): Module {
  const hidden = c.positiveInt("hidden_size");
  const heads = c.positiveInt("num_attention_heads");
  const kvHeads = c.positiveInt("num_key_value_heads");
  const dim = headDim(c);
  return module(cls, {
    params: { sinks: opts.sinks === true && [heads] },
    children: {
      q_proj: linear(hidden, heads * dim, opts.qkvBias ?? false),
      k_proj: linear(hidden, kvHeads * dim, opts.qkvBias ?? false),
      v_proj: linear(hidden, kvHeads * dim, opts.qkvBias ?? false),
      o_proj: linear(heads * dim, hidden, opts.outBias ?? false),
      q_norm: opts.qkNorm !== undefined && rmsNorm(opts.qkNorm, dim),
      k_norm: opts.qkNorm !== undefined && rmsNorm(opts.qkNorm, dim),
    },
  });
}

/** `XxxDecoderLayer`: attention, feed-forward under `mlpName`, then the two norms (Llama order). */
export function gLayer(cls: string, attention: Module, mlp: Module, norm: () => Module, mlpName = "mlp"): Module {
  return module(cls, {
    children: { self_attn: attention, [mlpName]: mlp, input_layernorm: norm(), post_attention_layernorm: norm() },
  });
}

/** `XxxModel`: embed_tokens, layers, norm, then the single model-level rotary embedding. */
export function gModel(c: Config, cls: string, layers: Module, norm: Module, rotary: Module, embed?: Module): Module {
  return module(cls, {
    children: {
      embed_tokens: embed ?? embedding(c.int("vocab_size"), c.positiveInt("hidden_size")),
      layers,
      norm,
      rotary_emb: rotary,
    },
  });
}

/**
 * Layers that differ by index (dense-then-MoE, interleaved MoE) as a ModuleList of runs: consecutive indices of the
 * same kind share one block, so 61 layers cost two runs, not 61 modules.
 */
export function layerRuns(count: number, kindOf: (index: number) => number, blocks: readonly Module[]): Module {
  checkIndexedLayers(count);
  const runs: Run[] = [];
  let start = 0;
  for (let i = 1; i <= count; i++) {
    if (i === count || kindOf(i) !== kindOf(start)) {
      const block = blocks[kindOf(start)];
      if (block === undefined) throw new Error(`no block for layer kind ${kindOf(start)}`);
      runs.push({ module: block, count: i - start });
      start = i;
    }
  }
  return list("ModuleList", ...runs);
}

/**
 * Fused experts. Mixtral layout (Qwen3-MoE, DeepSeek-V3): gate_up_proj [E, 2I, H], down_proj [E, H, I].
 * Transposed layout (GPT-OSS, Llama 4): gate_up_proj [E, H, 2I], down_proj [E, I, H]; GPT-OSS adds biases.
 */
export function fusedExperts(cls: string, experts: number, hidden: number, inter: number, opts: { transposed?: boolean; bias?: boolean } = {}): Module {
  const t = opts.transposed === true;
  const bias = opts.bias === true;
  return module(cls, {
    params: {
      gate_up_proj: t ? [experts, hidden, 2 * inter] : [experts, 2 * inter, hidden],
      gate_up_proj_bias: bias && [experts, 2 * inter],
      down_proj: t ? [experts, inter, hidden] : [experts, hidden, inter],
      down_proj_bias: bias && [experts, hidden],
    },
  });
}

/** A router that is a bare parameter module (`XxxTopKRouter`): weight [E, H], optionally a bias. */
export function router(cls: string, experts: number, hidden: number, bias = false): Module {
  return module(cls, { params: { weight: [experts, hidden], bias: bias && [experts] } });
}
