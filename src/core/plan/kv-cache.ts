/**
 * KV cache (and recurrent state) sizes per architecture, from the resolved config.
 *
 * Base formula (a standard decoder, one K and one V per layer):
 *   2 × layers × kv_heads × head_dim × batch × seq × bytes
 * Variants, each written down where it is computed:
 * - GQA/MQA: kv_heads = `num_key_value_heads` (Falcon: `num_kv_heads` or 1 for `multi_query`; GPT-BigCode: 1).
 * - MLA (DeepSeek V2/V3): one latent of (kv_lora_rank + qk_rope_head_dim) per token per layer, no factor 2 —
 *   the compressed form vLLM and SGLang store. transformers' eager code caches the decompressed K/V instead.
 * - Sliding window / alternating local-global (Mistral v0.1, Gemma 2/3, gpt-oss, Qwen2 with use_sliding_window,
 *   Llama 4 chunked layers): min(seq, window) tokens on sliding layers, what a cache that evicts keeps (vLLM,
 *   llama.cpp's SWA cache, transformers' HybridCache).
 * - Hybrid / pure SSM (Jamba, Zamba, Mamba, Mamba-2, Falcon-Mamba, RWKV, RecurrentGemma): a fixed state per
 *   sequence on recurrent layers — conv window + SSM state, shaped as transformers' Mamba/Hybrid caches — and KV
 *   only on the attention layers.
 * - Encoder-decoder: decoder self-attention over `seq` plus cross-attention K/V over the encoder's tokens.
 */
import { Config, resolveConfig, type RawConfig } from "../config/config.js";
import type { ArchitectureLookup } from "../architectures/registry.js";
import type { KvCacheDetail, KvCacheLayerGroup } from "./types.js";

export interface KvRequest {
  readonly batch: number;
  readonly seq: number;
  /** Encoder tokens for the cross-attention cache. */
  readonly encoderSeq: number;
  /** Bytes per cached element (2 for bf16/fp16, 1 for fp8). */
  readonly bytes: number;
  /** Bytes per element of the model's activations (recurrent conv states are held in it). */
  readonly stateBytes: number;
}

export interface KvResult extends KvCacheDetail {
  readonly bytes: number;
  /** Bytes that grow with each token of one sequence (0 for pure SSM): for max-seq-len searches. */
  readonly notes: readonly string[];
}

function first(c: Config, keys: readonly string[]): number | undefined {
  for (const k of keys) {
    const v = c.get(k);
    if (typeof v === "number" && Number.isInteger(v) && v >= 0) return v;
  }
  return undefined;
}

function need(c: Config, keys: readonly string[]): number {
  const v = first(c, keys);
  if (v === undefined) return c.positiveInt(keys[0] as string); // throws naming the key
  return v;
}

/** No architectures at hand (header-only plans): a nested config keeps only the values it states. */
const NO_LOOKUP: ArchitectureLookup = () => undefined;

/**
 * The language model's config: `text_config` for multimodal wrappers (Gemma 3, Mistral 3, Llama 4…), with the
 * class defaults of its `model_type` as `lookup` finds them.
 */
export function textConfigOf(c: Config, lookup: ArchitectureLookup = NO_LOOKUP): Config {
  const text = c.get("text_config");
  if (text && typeof text === "object" && !Array.isArray(text) && first(c, ["num_hidden_layers"]) === undefined) {
    const raw = text as RawConfig;
    const parentType = String(c.get("model_type") ?? "");
    const candidates = [raw.model_type, `${parentType}_text`, parentType].filter((t): t is string => typeof t === "string");
    for (const t of candidates) {
      const arch = lookup(t);
      if (arch) return resolveConfig(raw, arch.config, `${c.label}.text_config`);
    }
    return new Config({ ...raw }, {}, `${c.label}.text_config`);
  }
  return c;
}

interface Geometry {
  readonly layers: number;
  readonly heads: number;
  readonly kvHeads: number;
  readonly headDim: number;
  readonly vHeadDim: number;
}

function geometry(c: Config, modelType: string): Geometry {
  const layers = need(c, ["num_hidden_layers", "n_layer", "num_layers", "n_layers"]);
  const heads = need(c, ["num_attention_heads", "n_head", "num_heads", "n_heads"]);
  const hidden = first(c, ["hidden_size", "n_embd", "d_model"]);
  let kvHeads: number;
  if (modelType === "falcon") {
    kvHeads = c.bool("new_decoder_architecture") ? need(c, ["num_kv_heads"]) : c.bool("multi_query") ? 1 : heads;
  } else if (modelType === "gpt_bigcode") {
    kvHeads = c.bool("multi_query") ? 1 : heads;
  } else {
    kvHeads = first(c, ["num_key_value_heads", "num_kv_heads"]) ?? heads;
  }
  const explicit = first(c, ["head_dim", "d_kv", "attention_head_dim"]);
  const headDim = explicit ?? Math.floor((hidden ?? c.positiveInt("hidden_size")) / heads);
  return { layers, heads, kvHeads, headDim, vHeadDim: headDim };
}

/** Per-layer attention kind: "full", "sliding" or "chunked", from the config's own description of its layers. */
function layerKinds(c: Config, modelType: string, layers: number): { kinds: string[]; window: number | undefined; chunk: number | undefined } {
  const kinds = Array.from({ length: layers }, () => "full");
  const window = first(c, ["sliding_window", "attention_window_size"]);
  const chunk = first(c, ["attention_chunk_size"]);
  const types = c.get("layer_types");
  if (Array.isArray(types) && types.length === layers) {
    types.forEach((t, i) => {
      if (t === "sliding_attention") kinds[i] = "sliding";
      else if (t === "chunked_attention") kinds[i] = "chunked";
    });
    return { kinds, window, chunk };
  }
  if (window === undefined || window === 0) return { kinds, window: undefined, chunk };
  switch (modelType) {
    // transformers 4.47 Gemma2: `is_sliding = not bool(layer_idx % 2)`; gpt-oss's default layer_types alternate
    // the same way (layer 0 sliding).
    case "gemma2":
    case "gpt_oss":
      for (let i = 0; i < layers; i += 2) kinds[i] = "sliding";
      break;
    case "gemma3_text":
    case "gemma3": {
      const pattern = first(c, ["sliding_window_pattern"]) ?? 6;
      for (let i = 0; i < layers; i++) if ((i + 1) % pattern !== 0) kinds[i] = "sliding";
      break;
    }
    case "qwen2":
    case "qwen2_moe":
    case "qwen3":
    case "qwen3_moe": {
      // Sliding only when enabled, and only from `max_window_layers` on.
      if (c.bool("use_sliding_window")) {
        const from = first(c, ["max_window_layers"]) ?? 0;
        for (let i = from; i < layers; i++) kinds[i] = "sliding";
      }
      break;
    }
    case "mistral":
    case "mixtral":
    case "ministral":
    case "starcoder2":
    case "phi3":
    case "phimoe":
      kinds.fill("sliding");
      break;
    default:
      break;
  }
  return { kinds, window, chunk };
}

function group(kind: string, layers: number, tokens: number, bytesPerUnit: number, batch: number): KvCacheLayerGroup {
  return { kind, layers, tokens, bytesPerUnit, bytes: layers * tokens * bytesPerUnit * batch };
}

function stateGroup(kind: string, layers: number, bytesPerSequence: number, batch: number): KvCacheLayerGroup {
  return { kind, layers, tokens: 0, bytesPerUnit: bytesPerSequence, bytes: layers * bytesPerSequence * batch };
}

function finish(variant: string, groups: KvCacheLayerGroup[], formula: string, notes: string[] = []): KvResult {
  const kept = groups.filter((g) => g.layers > 0);
  return { variant, groups: kept, formula, notes, bytes: kept.reduce((s, g) => s + g.bytes, 0) };
}

/** Models that never cache keys and values (encoders, vision backbones): the cache is empty. */
export function noKvCache(reason: string): KvResult {
  return finish("none", [], "no KV cache", [reason]);
}

/**
 * The cache for `batch` sequences of `seq` tokens. `generative` says whether the model decodes at all (a causal
 * LM or an encoder-decoder); encoders get an empty cache.
 */
export function kvCache(config: Config, req: KvRequest, generative: boolean, lookup: ArchitectureLookup = NO_LOOKUP): KvResult {
  const c = textConfigOf(config, lookup);
  const modelType = String(c.get("model_type") ?? config.get("model_type") ?? "");
  const { batch, seq, bytes } = req;

  if (config.bool("is_encoder_decoder") || c.bool("is_encoder_decoder")) return encoderDecoder(c, req);
  if (!generative) return noKvCache("encoder-only model: nothing is cached between steps");

  switch (modelType) {
    case "deepseek_v2":
    case "deepseek_v3": {
      const layers = need(c, ["num_hidden_layers"]);
      const perToken = (c.positiveInt("kv_lora_rank") + c.int("qk_rope_head_dim")) * bytes;
      return finish("mla", [group("mla", layers, seq, perToken, batch)], "layers × (kv_lora_rank + qk_rope_head_dim) × batch × seq × bytes", [
        "MLA: the compressed latent (kv_lora_rank + qk_rope_head_dim) per token per layer, as vLLM/SGLang store it; transformers' eager attention caches decompressed K/V instead",
      ]);
    }
    case "mamba":
    case "falcon_mamba": {
      const layers = need(c, ["num_hidden_layers"]);
      const inter = c.int("intermediate_size");
      // MambaCache: conv_states [batch, intermediate, conv_kernel] and ssm_states [batch, intermediate, state_size].
      const perSeq = inter * c.positiveInt("conv_kernel") * req.stateBytes + inter * c.int("state_size") * req.stateBytes;
      return finish("ssm", [stateGroup("ssm", layers, perSeq, batch)], "layers × intermediate × (conv_kernel + state_size) × batch × bytes", [
        "SSM: a fixed state per sequence, independent of seq",
      ]);
    }
    case "mamba2": {
      const layers = need(c, ["num_hidden_layers"]);
      const hidden = c.positiveInt("hidden_size");
      const inter = Math.floor(c.number("expand") * hidden);
      const state = c.int("state_size");
      const convDim = inter + 2 * c.int("n_groups") * state;
      const perSeq = (convDim * c.positiveInt("conv_kernel") + c.int("num_heads") * c.int("head_dim") * state) * req.stateBytes;
      return finish("ssm", [stateGroup("ssm", layers, perSeq, batch)], "layers × ((inner + 2·n_groups·state) × conv_kernel + heads × head_dim × state) × batch × bytes");
    }
    case "rwkv": {
      const layers = need(c, ["num_hidden_layers"]);
      const hidden = c.positiveInt("hidden_size");
      // RwkvModel's state: five [batch, hidden, layers] tensors; numerator/denominator/max (1-3) in float32.
      const perSeq = hidden * (2 * req.stateBytes + 3 * 4);
      return finish("ssm", [stateGroup("recurrent", layers, perSeq, batch)], "layers × hidden × (2 × bytes + 3 × 4) × batch");
    }
    case "jamba": {
      const g = geometry(c, modelType);
      const period = c.positiveInt("attn_layer_period");
      const offset = c.int("attn_layer_offset");
      let attn = 0;
      for (let i = 0; i < g.layers; i++) if (i % period === offset) attn++;
      const inter = c.int("mamba_expand") * c.positiveInt("hidden_size");
      const perSeq = inter * (c.positiveInt("mamba_d_conv") + c.int("mamba_d_state")) * req.stateBytes;
      return finish(
        "hybrid-ssm",
        [group("full", attn, seq, 2 * g.kvHeads * g.headDim * bytes, batch), stateGroup("ssm", g.layers - attn, perSeq, batch)],
        "attention layers: 2 × kv_heads × head_dim × seq; mamba layers: expand·hidden × (d_conv + d_state)",
      );
    }
    case "zamba": {
      const types = c.list("layers_block_type").map(String);
      const hybrid = types.filter((t) => t === "hybrid").length;
      const kvHeads = first(c, ["num_key_value_heads"]) ?? c.positiveInt("num_attention_heads");
      const dim = c.positiveInt("attention_head_dim");
      const inter = c.int("mamba_expand") * c.positiveInt("hidden_size");
      const perSeq = inter * (c.positiveInt("mamba_d_conv") + c.int("mamba_d_state")) * req.stateBytes;
      // Every layer keeps a Mamba state; the hybrid ones also run the shared attention block with its own cache.
      return finish(
        "hybrid-ssm",
        [group("full", hybrid, seq, 2 * kvHeads * dim * bytes, batch), stateGroup("ssm", types.length, perSeq, batch)],
        "hybrid layers: 2 × kv_heads × attention_head_dim × seq; every layer: expand·hidden × (d_conv + d_state)",
      );
    }
    case "recurrent_gemma": {
      const layers = need(c, ["num_hidden_layers"]);
      const blockTypes = c.list("block_types").map(String);
      let attn = 0;
      for (let i = 0; i < layers; i++) if (blockTypes[i % blockTypes.length] === "attention") attn++;
      const heads = c.positiveInt("num_attention_heads");
      const kvHeads = first(c, ["num_key_value_heads"]) ?? heads;
      const dim = Math.floor(c.positiveInt("hidden_size") / heads);
      const window = first(c, ["attention_window_size"]) ?? seq;
      const lru = first(c, ["lru_width"]) ?? c.positiveInt("hidden_size");
      // RG-LRU state in float32 plus the temporal conv's last (conv1d_width - 1) inputs.
      const perSeq = lru * 4 + lru * ((first(c, ["conv1d_width"]) ?? 4) - 1) * req.stateBytes;
      return finish(
        "hybrid-ssm",
        [group("sliding", attn, Math.min(seq, window), 2 * kvHeads * dim * bytes, batch), stateGroup("recurrent", layers - attn, perSeq, batch)],
        "local-attention layers: 2 × kv_heads × head_dim × min(seq, attention_window_size); recurrent layers: lru_width state",
      );
    }
    default:
      break;
  }

  const g = geometry(c, modelType);
  const perToken = 2 * g.kvHeads * g.headDim * bytes;
  const variant = g.kvHeads === g.heads ? "mha" : g.kvHeads === 1 ? "mqa" : "gqa";
  const { kinds, window, chunk } = layerKinds(c, modelType, g.layers);
  const full = kinds.filter((k) => k === "full").length;
  const sliding = kinds.filter((k) => k === "sliding").length;
  const chunked = kinds.filter((k) => k === "chunked").length;
  const groups = [
    group("full", full, seq, perToken, batch),
    group("sliding", sliding, Math.min(seq, window ?? seq), perToken, batch),
    group("chunked", chunked, Math.min(seq, chunk ?? seq), perToken, batch),
  ];
  const windowed = sliding + chunked > 0;
  return finish(
    windowed ? `${variant}+sliding-window` : variant,
    groups,
    windowed
      ? "2 × kv_heads × head_dim × bytes × batch × (seq on full layers, min(seq, window) on sliding layers)"
      : "2 × layers × kv_heads × head_dim × batch × seq × bytes",
  );
}

function encoderDecoder(c: Config, req: KvRequest): KvResult {
  const layers = need(c, ["decoder_layers", "num_decoder_layers", "num_layers", "num_hidden_layers"]);
  const heads = need(c, ["decoder_attention_heads", "num_decoder_attention_heads", "num_heads", "num_attention_heads"]);
  const dModel = first(c, ["d_model", "hidden_size"]);
  const dim = first(c, ["d_kv"]) ?? Math.floor((dModel ?? c.positiveInt("d_model")) / heads);
  const perToken = 2 * heads * dim * req.bytes;
  return finish(
    "encoder-decoder",
    [group("full", layers, req.seq, perToken, req.batch), group("cross", layers, req.encoderSeq, perToken, req.batch)],
    "decoder layers × 2 × heads × head_dim × bytes × batch × (seq + encoder_seq)",
    ["cross-attention K/V: computed once from the encoder output and kept for every decoding step"],
  );
}
