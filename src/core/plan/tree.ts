/**
 * What the Planner needs from a module tree, gathered in one walk: every Linear-like layer (with its in/out
 * features and how many identical copies a run holds), embeddings, the remaining parameters, buffers, and the
 * largest module's own parameter count (DeepSpeed's `model_to_params`).
 */
import { DTYPE_BYTES, numel, type Module, type Shape, type Tensor } from "../modules/module.js";

export interface LinearLayer {
  /** Dotted name of the first copy (`model.layers.0.self_attn.q_proj`); copies differ only by their index. */
  readonly path: string;
  readonly cls: string;
  readonly inFeatures: number;
  readonly outFeatures: number;
  /** Elements of the bias, 0 when absent. */
  readonly biasNumel: number;
  /** Identical copies (a run of repeated blocks). */
  readonly count: number;
  /** The model's output projection (lm_head and its aliases): PEFT's all-linear and the quantizers skip it. */
  readonly isHead: boolean;
  /** A GPT-2 `Conv1D` (weight stored [in, out]). */
  readonly conv1d: boolean;
  /** The head's weight is the input embedding's tensor (tie_word_embeddings): it weighs nothing more. */
  readonly tied?: boolean;
}

export interface EmbeddingLayer {
  readonly path: string;
  readonly num: number;
  readonly dim: number;
  readonly count: number;
}

/** A conv layer PEFT can target (lora_A is a conv to r channels, lora_B a 1×1 conv back). */
export interface ConvLayer {
  readonly path: string;
  readonly inChannels: number;
  readonly outChannels: number;
  /** in/groups × kernel elements: what one output channel reads. */
  readonly kernelNumel: number;
  readonly count: number;
}

export interface TreeStats {
  /**
   * Parameters counted once, as the running model holds them: tensors tied in the tree at their first name, and an
   * output head tied to the input embeddings (`tie_word_embeddings`) not at all — accelerate's table counts that
   * head in full (its empty-weights init re-wraps the assigned Parameter), a loaded model shares one tensor.
   */
  readonly parameters: number;
  /** Elements of the output-head weight that shares the input embedding's storage (0 when untied). */
  readonly tiedHeadParameters: number;
  /** Elements of the largest parameter tensor (per-tensor optimizer loops). */
  readonly largestParameterNumel: number;
  readonly linears: readonly LinearLayer[];
  readonly embeddings: readonly EmbeddingLayer[];
  readonly convs: readonly ConvLayer[];
  /** Every untied parameter's shape with its multiplicity (for Adafactor's factored states). */
  readonly paramShapes: readonly { readonly shape: Shape; readonly count: number }[];
  /** Elements of floating buffers (cast to the weights dtype on load) and bytes of the others. */
  readonly floatBufferNumel: number;
  readonly otherBufferBytes: number;
  /** max over modules of the parameters registered on that module itself (`parameters(recurse=False)`). */
  readonly largestOwnParameters: number;
  /** max over `_no_split_modules` blocks of their parameter count (FSDP's wrapping unit). */
  readonly largestBlockParameters: number;
}

/** Names `get_output_embeddings()` returns across transformers heads. */
export const HEAD_PATHS = new Set([
  "lm_head",
  "embed_out",
  "proj_out",
  "output",
  "lm_head.decoder",
  "cls.predictions.decoder",
  "generator_lm_head",
  "pred_layer.proj",
  "lm_head.linear",
]);

const isFloat = (t: Tensor) => t.dtype === "float32" || t.dtype === "float16" || t.dtype === "bfloat16" || t.dtype === "float64";

function weightOf(m: Module): Tensor | undefined {
  return m.params.find(([n]) => n === "weight")?.[1];
}

/** nn.Linear and its subclasses (FalconLinear, NonDynamicallyQuantizableLinear…): a 2-D weight [out, in]. */
function isLinear(m: Module): boolean {
  const w = weightOf(m);
  return (m.cls === "Linear" || m.cls.endsWith("Linear")) && w !== undefined && w.shape.length === 2;
}

function isEmbedding(m: Module): boolean {
  const w = weightOf(m);
  return m.cls.endsWith("Embedding") && w !== undefined && w.shape.length === 2 && m.children.length === 0;
}

function isConv(m: Module): boolean {
  const w = weightOf(m);
  return /^Conv[123]d$/.test(m.cls) && w !== undefined && w.shape.length >= 3;
}

export interface TreeStatsOptions {
  /**
   * The config's `tie_word_embeddings` (the text config's, for multimodal wrappers): `tie_weights()` makes the
   * output head's weight the input embedding's Parameter, one storage under two names.
   */
  readonly tieWordEmbeddings?: boolean;
}

export function treeStats(root: Module, noSplitModules: readonly string[] = [], options: TreeStatsOptions = {}): TreeStats {
  const noSplit = new Set(noSplitModules);
  const linears: LinearLayer[] = [];
  const embeddings: EmbeddingLayer[] = [];
  const convs: ConvLayer[] = [];
  const paramShapes: { shape: Shape; count: number }[] = [];
  let parameters = 0;
  let floatBufferNumel = 0;
  let otherBufferBytes = 0;
  let largestOwn = 0;
  let largestBlock = 0;
  let largestParameterNumel = 0;
  const blockCache = new WeakMap<Module, number>();
  // Output heads whose weight the build already marked as the embedding's tensor (`sharedInPytorch`): not counted.
  const uncountedHeads = new Set<string>();

  const blockParams = (m: Module): number => {
    const hit = blockCache.get(m);
    if (hit !== undefined) return hit;
    let n = 0;
    for (const [, t] of m.params) if (!t.tied && !t.sharedInPytorch) n += numel(t.shape);
    for (const [, c] of m.children) n += blockParams(c);
    for (const r of m.items ?? []) n += blockParams(r.module) * r.count;
    blockCache.set(m, n);
    return n;
  };

  const walk = (m: Module, path: string, count: number): void => {
    if (count <= 0) return;
    let own = 0;
    for (const [, t] of m.params) {
      own += numel(t.shape);
      // Real memory: a tensor tied by assignment is the one it was tied to.
      if (t.tied || t.sharedInPytorch) continue;
      parameters += numel(t.shape) * count;
      largestParameterNumel = Math.max(largestParameterNumel, numel(t.shape));
      paramShapes.push({ shape: t.shape, count });
    }
    largestOwn = Math.max(largestOwn, own);
    if (noSplit.has(m.cls)) largestBlock = Math.max(largestBlock, blockParams(m));
    for (const [, t] of m.buffers) {
      if (t.tied) continue;
      if (isFloat(t)) floatBufferNumel += numel(t.shape) * count;
      else otherBufferBytes += numel(t.shape) * DTYPE_BYTES[t.dtype] * count;
    }
    const w = weightOf(m);
    // A module reached a second time (tied/aliased) weighs nothing and is not wrapped again by PEFT.
    if (w && !w.tied) {
      const bias = m.params.find(([n]) => n === "bias")?.[1];
      if (isLinear(m) || (m.cls === "Conv1D" && w.shape.length === 2)) {
        const conv1d = m.cls === "Conv1D";
        if (w.sharedInPytorch) uncountedHeads.add(path);
        const [a, b] = w.shape as [number, number];
        linears.push({
          path,
          cls: m.cls,
          inFeatures: conv1d ? a : b,
          outFeatures: conv1d ? b : a,
          biasNumel: bias ? numel(bias.shape) : 0,
          count,
          isHead: HEAD_PATHS.has(path),
          conv1d,
        });
      } else if (isEmbedding(m)) {
        embeddings.push({ path, num: w.shape[0] as number, dim: w.shape[1] as number, count });
      } else if (isConv(m)) {
        const [out, inPerGroup, ...kernel] = w.shape as number[];
        const groups = 1; // in/groups × kernel is what lora_A reads either way
        convs.push({ path, inChannels: (inPerGroup as number) * groups, outChannels: out as number, kernelNumel: (inPerGroup as number) * numel(kernel), count });
      }
    }
    for (const [name, child] of m.children) walk(child, path ? `${path}.${name}` : name, count);
    let index = 0;
    for (const run of m.items ?? []) {
      walk(run.module, path ? `${path}.${index}` : String(index), count * run.count);
      index += run.count;
    }
  };
  walk(root, "", 1);
  // get_input_embeddings() is the first token embedding of the model; the tied head has its [vocab, hidden] shape.
  let tiedHeadParameters = 0;
  let finalLinears: LinearLayer[] = linears;
  if (options.tieWordEmbeddings) {
    const head = linears.find((l) => l.isHead && l.count === 1 && !l.conv1d);
    const input = head && embeddings.find((e) => e.num === head.outFeatures && e.dim === head.inFeatures);
    if (head && input && uncountedHeads.has(head.path)) {
      tiedHeadParameters = head.inFeatures * head.outFeatures;
      finalLinears = linears.map((l) => (l === head ? { ...l, tied: true } : l));
    } else if (head && input) {
      tiedHeadParameters = head.inFeatures * head.outFeatures;
      parameters -= tiedHeadParameters;
      const i = paramShapes.findIndex((s) => s.count === 1 && s.shape.length === 2 && s.shape[0] === head.outFeatures && s.shape[1] === head.inFeatures);
      // the embedding's own entry comes first in walk order; drop the last matching one (the head's)
      const last = paramShapes.map((s, k) => ({ s, k })).filter(({ s }) => s.count === 1 && s.shape.length === 2 && s.shape[0] === head.outFeatures && s.shape[1] === head.inFeatures).pop();
      if (i !== -1 && last && last.k !== i) paramShapes.splice(last.k, 1);
      finalLinears = linears.map((l) => (l === head ? { ...l, tied: true } : l));
    }
  }
  return {
    parameters,
    tiedHeadParameters,
    largestParameterNumel,
    linears: finalLinears,
    embeddings,
    convs,
    paramShapes,
    floatBufferNumel,
    otherBufferBytes,
    largestOwnParameters: largestOwn,
    largestBlockParameters: largestBlock,
  };
}

/** Elements in all Linear-like weights (not biases) outside the output head. */
export function bodyLinearNumel(stats: TreeStats): number {
  let n = 0;
  for (const l of stats.linears) if (!l.isHead) n += l.inFeatures * l.outFeatures * l.count;
  return n;
}
