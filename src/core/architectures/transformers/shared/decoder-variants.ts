/**
 * Pieces shared by Llama-style decoder variants (transformers 4.47): mixture-of-experts blocks, rotary modules that
 * still cache cos/sin tables, causal-LM heads with a bias or another backbone name, and small tree edits
 * (renaming/replacing a child) so a Llama-style layer can be reused with a different MLP slot name.
 */
import type { Config } from "../../../config/config.js";
import { linear, rotaryEmbedding } from "../../../modules/blocks.js";
import { checkIndexedLayers, list, module, repeat, type Module } from "../../../modules/module.js";
import type { ModelBuild } from "../../types.js";
import { built } from "./build.js";

/** The same module with one child replaced (kept in place) or, when absent, appended. */
export function withChild(m: Module, name: string, child: Module | null): Module {
  const exists = m.children.some(([n]) => n === name);
  const children = exists
    ? m.children.flatMap(([n, c]) => (n === name ? (child ? [[n, child] as const] : []) : [[n, c] as const]))
    : child
      ? [...m.children, [name, child] as const]
      : m.children;
  return { ...m, children };
}

/** The same module with child `from` registered under the name `to` (same position). */
export function renameChild(m: Module, from: string, to: string): Module {
  return { ...m, children: m.children.map(([n, c]) => [n === from ? to : n, c] as const) };
}

/**
 * Pre-4.38-style rotary module: `inv_freq` plus `cos_cached`/`sin_cached` tables of [max_positions, dim] in the
 * default float dtype, all non-persistent (`_set_cos_sin_cache` at init).
 */
export function cachedRotary(cls: string, dim: number, maxPositions: number): Module {
  const table = { shape: [maxPositions, dim], dtype: "float32" as const, persistent: false };
  return rotaryEmbedding(cls, dim, { cos_cached: table, sin_cached: table });
}

/** Mixtral-style expert: w1 (hidden → ffn), w2 (ffn → hidden), w3 (hidden → ffn), no biases. */
export function w123Expert(cls: string, hidden: number, ffn: number): Module {
  return module(cls, {
    children: { w1: linear(hidden, ffn, false), w2: linear(ffn, hidden, false), w3: linear(hidden, ffn, false) },
  });
}

/** A sparse MoE block: the router `gate` Linear, then the experts as one ModuleList run. */
export function sparseMoe(cls: string, hidden: number, numExperts: number, expert: Module, extra: Record<string, Module> = {}): Module {
  return module(cls, {
    children: { gate: linear(hidden, numExperts, false), experts: repeat(expert, numExperts), ...extra },
  });
}

/** JetMoe/GraniteMoe `ParallelExperts`: one weight [num_experts, out, in]. */
export function parallelExperts(cls: string, numExperts: number, inSize: number, outSize: number): Module {
  return module(cls, { params: { weight: [numExperts, outSize, inSize] } });
}

/** `XxxForCausalLM` whose backbone attribute or head bias differs from the Llama pattern. */
export function causalLmHead(
  c: Config,
  cls: string,
  backbone: Module,
  noSplit: readonly string[],
  opts: { backboneName?: string; bias?: boolean; head?: boolean } = {},
): ModelBuild {
  const hidden = c.positiveInt("hidden_size");
  const vocab = c.int("vocab_size");
  const bias = opts.bias ?? false;
  const head = c.bool("tie_word_embeddings")
    ? module("Linear", { params: { weight: [vocab, hidden], bias: bias && [vocab] } })
    : linear(hidden, vocab, bias);
  return built(
    module(cls, { children: { [opts.backboneName ?? "model"]: backbone, lm_head: (opts.head ?? true) && head } }),
    noSplit,
  );
}

/**
 * A ModuleList whose layers differ by kind (dense vs sparse, recurrent vs attention): consecutive layers of
 * the same kind become one run, each kind built once.
 */
export function layerRuns<K extends string>(count: number, kindOf: (index: number) => K, build: (kind: K) => Module): Module {
  checkIndexedLayers(count);
  const cache = new Map<K, Module>();
  const runs: { module: Module; count: number }[] = [];
  let last: K | undefined;
  for (let i = 0; i < count; i++) {
    const kind = kindOf(i);
    if (kind === last) {
      runs[runs.length - 1]!.count++;
      continue;
    }
    if (!cache.has(kind)) cache.set(kind, build(kind));
    runs.push({ module: cache.get(kind)!, count: 1 });
    last = kind;
  }
  return list("ModuleList", ...runs);
}
