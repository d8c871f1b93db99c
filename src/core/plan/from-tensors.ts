/**
 * A PlanModel from checkpoint headers alone (safetensors or GGUF), for models no buildable config describes. The
 * tensors become a flat module tree (each 2-D `…weight` a Linear, token tables Embeddings, the rest plain
 * parameters, each counted as the parameters it represents), and the block geometry the activation and KV-cache
 * models need is read from the config when there is one, else from the tensors' shapes:
 * layers = the highest block index + 1; hidden = the token table's width; q / kv widths = the q and k projections'
 * rows (a fused qkv is split as q = hidden, k = v); intermediate = the gate/up (or fc1) rows; heads = q width / 128
 * (the head size of nearly every current LLM; only eager attention's seq² term depends on it, and the plan says so).
 * GGUF stores shapes innermost-first (ggml's ne order); they are reversed to PyTorch's [out, in].
 */
import { Config, type RawConfig } from "../config/config.js";
import { module, type Module } from "../modules/module.js";
import type { StoredTensor, TensorCount } from "../weights/tensors.js";
import type { PlanModel } from "./context.js";

const BLOCK = /(?:^|\.)(?:layers|h|blocks|layer|block|blk)\.(\d+)\./;
const EMBEDDING = /(?:^|\.)(embed_tokens|wte|word_embeddings|tok_embeddings|token_embd|embeddings)\.weight$/;
const ASSUMED_HEAD_DIM = 128;

function rowsOf(shapes: Map<string, readonly number[]>, pattern: RegExp): number | undefined {
  for (const [name, shape] of shapes) if (pattern.test(name) && shape.length === 2) return shape[0];
  return undefined;
}

export interface HeaderModelInput {
  readonly tensors: readonly StoredTensor[];
  readonly counts: readonly TensorCount[];
  readonly source: "safetensors" | "gguf";
  readonly modelClass: string;
  readonly config?: Readonly<Record<string, unknown>>;
  readonly quantized: boolean;
  /** Bytes of all stored tensors (a quantized checkpoint's weights as they load). */
  readonly checkpointBytes: number;
}

export function planModelFromTensors(input: HeaderModelInput): PlanModel {
  const params = new Map(input.counts.map((c) => [c.name, c.parameters]));
  const shapes = new Map<string, readonly number[]>();
  for (const t of input.tensors) {
    const shape = input.source === "gguf" && t.shape.length === 2 ? [t.shape[1] as number, t.shape[0] as number] : t.shape;
    // A quantized checkpoint's packed shapes are not the model's: keep them only where they are plain.
    // (GGUF shapes are logical element counts whatever the block type.)
    if (!input.quantized || input.source === "gguf") shapes.set(t.name, shape);
  }
  // One child per tensor's owner: `model.layers.0.self_attn.q_proj.weight` → a Linear at `model.layers.0.self_attn.q_proj`.
  const children: Record<string, Module> = {};
  const loose: Record<string, readonly number[]> = {};
  let index = 0;
  const matrix = (name: string) => shapes.get(name)?.length === 2;
  for (const t of input.tensors) {
    const n = params.get(t.name) ?? 0;
    if (n === 0) continue;
    if (t.name.endsWith(".weight") && matrix(t.name)) {
      const owner = t.name.slice(0, -".weight".length);
      const embedding = EMBEDDING.test(t.name);
      const bias = shapes.get(`${owner}.bias`);
      children[owner] = module(embedding ? "Embedding" : "Linear", { params: { weight: shapes.get(t.name) as readonly number[], bias: !embedding && bias ? bias : undefined } });
    } else if (!(t.name.endsWith(".bias") && matrix(t.name.replace(/\.bias$/, ".weight")))) {
      loose[`p${index++}`] = [n];
    }
  }
  const root = nest(children, loose);
  // The config's own keys win; the tensors fill in what a custom config names differently.
  const raw: RawConfig = { ...geometryConfig(shapes), ...((input.config ?? {}) as RawConfig) };
  // A decoder's output head is stored unless tied; GGUF files are llama.cpp's decoders.
  const head = input.tensors.some((t) => /^(lm_head|output|embed_out)\.weight$/.test(t.name));
  const generative = head || /For(CausalLM|ConditionalGeneration)$|LMHeadModel$|^gguf/.test(input.modelClass) || raw.is_encoder_decoder === true;
  return {
    module: { ...root, cls: input.modelClass },
    noSplitModules: null,
    config: new Config(raw, {}, input.config ? "config" : "checkpoint geometry"),
    generative,
    accelerateTotalBytes: 0,
    ...(input.quantized ? { storedWeightsBytes: input.checkpointBytes } : {}),
  };
}

/** A Module tree whose walk reports each Linear/Embedding at its dotted name. */
function nest(children: Record<string, Module>, loose: Record<string, readonly number[]>): Module {
  interface Node { cls: string; params: Record<string, readonly number[]>; children: Map<string, Node>; leaf?: Module }
  const top: Node = { cls: "Module", params: { ...loose }, children: new Map() };
  for (const [path, leaf] of Object.entries(children)) {
    let node = top;
    const parts = path.split(".");
    for (const part of parts.slice(0, -1)) {
      let next = node.children.get(part);
      if (!next) node.children.set(part, (next = { cls: "Module", params: {}, children: new Map() }));
      node = next;
    }
    const last = parts[parts.length - 1] as string;
    const existing = node.children.get(last);
    node.children.set(last, { cls: leaf.cls, params: {}, children: existing?.children ?? new Map(), leaf });
  }
  const build = (n: Node): Module => {
    const kids = Object.fromEntries([...n.children].map(([k, v]) => [k, build(v)]));
    if (n.leaf) return { ...n.leaf, children: Object.entries(kids) };
    return module(n.cls, { params: n.params, children: kids });
  };
  return build(top);
}

/** A minimal config (the keys layerGeometry and the KV-cache model read) from the tensors' shapes. */
function geometryConfig(shapes: Map<string, readonly number[]>): RawConfig {
  let layers = 0;
  for (const name of shapes.keys()) {
    const m = BLOCK.exec(name);
    if (m) layers = Math.max(layers, Number(m[1]) + 1);
  }
  const embed = [...shapes].find(([name]) => EMBEDDING.test(name))?.[1];
  const hidden = embed?.[1];
  const vocab = embed?.[0];
  if (!hidden || layers === 0) return {};
  const fused = rowsOf(shapes, /(qkv_proj|query_key_value|c_attn|W_pack|attn_qkv)\.weight$/);
  const q = rowsOf(shapes, /(q_proj|attn_q|query|wq)\.weight$/) ?? hidden;
  const kv = rowsOf(shapes, /(k_proj|attn_k|key|wk)\.weight$/) ?? (fused ? Math.max(1, Math.floor((fused - hidden) / 2)) : hidden);
  const intermediate = rowsOf(shapes, /(gate_proj|up_proj|ffn_up|ffn_gate|fc1|c_fc|dense_h_to_4h|w1)\.weight$/) ?? 4 * hidden;
  const headDim = q % ASSUMED_HEAD_DIM === 0 ? ASSUMED_HEAD_DIM : Math.max(1, Math.round(q / Math.max(1, Math.round(q / 64))));
  return {
    hidden_size: hidden,
    num_hidden_layers: layers,
    num_attention_heads: Math.max(1, Math.round(q / headDim)),
    num_key_value_heads: Math.max(1, Math.round(kv / headDim)),
    head_dim: headDim,
    intermediate_size: intermediate,
    ...(vocab ? { vocab_size: vocab } : {}),
  };
}
