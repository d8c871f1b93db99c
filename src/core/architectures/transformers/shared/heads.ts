/**
 * Task heads (`…ForSequenceClassification`, `…ForCausalLM`, `…ForQuestionAnswering`…) built from recipes that
 * scripts/gen-model-classes.py reads out of transformers 4.47's modeling files: what each head class's
 * `__init__` registers, in order — the backbone model (maybe without its pooler), Linear/LayerNorm/Embedding
 * layers sized by config values, helper modules of the same file (`RobertaClassificationHead`,
 * `BertOnlyMLMHead`…), parameters, buffers and `if`s on config values. Nearly every head is one of a few
 * shapes (a decoder's bias-free `score`, a BERT pooler + `classifier`, `qa_outputs` with 2 outputs, an LM head),
 * so one interpreter over the generated data covers them, and the backbone is the architecture's own
 * `AutoModel` build.
 *
 * A Parameter tied by assignment (`self.decoder.bias = self.bias`, `tie_weights()`'s `lm_head.weight = …`) is
 * counted in full, as under accelerate's `init_empty_weights` (see docs/porting.md).
 */
import type { Config } from "../../../config/config.js";
import { InvalidConfigError } from "../../../errors.js";
import { batchNorm, embedding, layerNorm, linear } from "../../../modules/blocks.js";
import { list, stateless, type DType, type Module, type Tensor } from "../../../modules/module.js";
import type { ModelBuild } from "../../types.js";

/** A JSON expression over config values: a literal, or `[op, ...operands]` (see `evaluate`). */
export type HeadExpr = number | boolean | null | readonly unknown[];
/** What one statement of an `__init__` registers: `["child", name, node]`, `["param", …]`, `["if", …]`… */
export type HeadItem = readonly unknown[];
export type HeadItems = readonly HeadItem[];
/** A head class: its `_no_split_modules` (class attribute, inherited) and what its `__init__` registers. */
export interface HeadRecipe {
  readonly noSplit: readonly string[] | null;
  readonly items: HeadItems;
}

/** A recipe step this reader cannot evaluate for this config (an attribute the config lacks, a model mismatch). */
export class HeadRecipeError extends Error {
  override name = "HeadRecipeError";
}

/**
 * `PretrainedConfig.num_labels`: the length of `id2label` when the config has one, else `num_labels`, else 2
 * (transformers/configuration_utils.py).
 */
export function numLabels(c: Config): number {
  const id2label = c.get("id2label");
  if (id2label && typeof id2label === "object") return Object.keys(id2label).length;
  const n = c.get("num_labels");
  if (n === undefined || n === null) return 2;
  if (typeof n !== "number" || !Number.isInteger(n) || n < 0) {
    throw new InvalidConfigError(`${c.label}: \`num_labels\` must be a non-negative integer`, "num_labels");
  }
  return n;
}

function attribute(c: Config, path: string): unknown {
  if (path === "num_labels") return numLabels(c);
  const [first, ...rest] = path.split(".");
  let value: unknown = c.get(first!);
  for (const key of rest) {
    value = value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
  }
  if (value === undefined) throw new HeadRecipeError(`the config has no \`${path}\``);
  return value;
}

/** Python truthiness. */
function truthy(v: unknown): boolean {
  if (Array.isArray(v)) return v.length > 0;
  if (v && typeof v === "object") return Object.keys(v).length > 0;
  return Boolean(v);
}

function num(v: unknown): number {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  throw new HeadRecipeError(`a number was expected (got ${JSON.stringify(v)?.slice(0, 40)})`);
}

export function evaluate(e: unknown, c: Config): unknown {
  if (!Array.isArray(e)) return e;
  const [op, ...a] = e as [string, ...unknown[]];
  const ev = (i: number) => evaluate(a[i], c);
  switch (op) {
    case "cfg":
      return attribute(c, a[0] as string);
    case "str":
      return a[0];
    case "get": {
      const v = a[0] === "num_labels" ? numLabels(c) : c.get(a[0] as string);
      return v === undefined ? ev(1) : v;
    }
    case "has":
      return a[0] === "num_labels" || c.get(a[0] as string) !== undefined;
    case "*":
      return num(ev(0)) * num(ev(1));
    case "+":
      return num(ev(0)) + num(ev(1));
    case "-":
      return num(ev(0)) - num(ev(1));
    case "//":
      return Math.floor(num(ev(0)) / num(ev(1)));
    case "/":
      return num(ev(0)) / num(ev(1));
    case "**":
      return num(ev(0)) ** num(ev(1));
    case "int":
      return Math.trunc(num(ev(0)));
    case "max":
      return Math.max(...a.map((_, i) => num(ev(i))));
    case "min":
      return Math.min(...a.map((_, i) => num(ev(i))));
    case "len": {
      const v = ev(0);
      if (Array.isArray(v)) return v.length;
      if (v && typeof v === "object") return Object.keys(v).length;
      throw new HeadRecipeError("len() of a value without length");
    }
    case "idx": {
      const v = ev(0);
      const i = num(ev(1));
      if (!Array.isArray(v)) throw new HeadRecipeError("an index into a value that is not a list");
      const item = v[i < 0 ? v.length + i : i];
      if (item === undefined) throw new HeadRecipeError("an index out of range");
      return item;
    }
    case "not":
      return !truthy(ev(0));
    case "and":
      return truthy(ev(0)) ? ev(1) : ev(0);
    case "or":
      return truthy(ev(0)) ? ev(0) : ev(1);
    case "==":
      return ev(0) === ev(1);
    case "!=":
      return ev(0) !== ev(1);
    case ">":
      return num(ev(0)) > num(ev(1));
    case "<":
      return num(ev(0)) < num(ev(1));
    case ">=":
      return num(ev(0)) >= num(ev(1));
    case "<=":
      return num(ev(0)) <= num(ev(1));
    case "in": {
      const v = ev(0);
      return (a[1] as unknown[]).some((x) => evaluate(x, c) === v);
    }
    case "?":
      return truthy(ev(0)) ? ev(1) : ev(2);
    default:
      throw new HeadRecipeError(`cannot evaluate \`${op}\``);
  }
}

function size(e: unknown, c: Config, what: string): number {
  const v = evaluate(e, c);
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0) {
    throw new InvalidConfigError(`${c.label}: the head's ${what} must be a non-negative integer (got ${JSON.stringify(v)?.slice(0, 40)})`);
  }
  return v;
}

/** Builds the backbone model class a recipe names (the architecture's own builder for it). */
export type BackboneBuilder = (cls: string) => ModelBuild;

interface Context {
  readonly c: Config;
  readonly backbone: BackboneBuilder;
}

/** A module under construction: registration order kept, a re-assigned name keeps its first position. */
class Parts {
  params: [string, Tensor][] = [];
  buffers: [string, Tensor][] = [];
  children: [string, Module][] = [];

  setChild(name: string, m: Module | null): void {
    const i = this.children.findIndex(([n]) => n === name);
    if (m === null) {
      if (i >= 0) this.children.splice(i, 1);
    } else if (i >= 0) this.children[i] = [name, m];
    else this.children.push([name, m]);
  }

  module(cls: string): Module {
    return { cls, params: this.params, buffers: this.buffers, children: this.children };
  }
}

function node(n: unknown, ctx: Context): Module | null {
  const [kind, ...a] = n as [string, ...unknown[]];
  const { c } = ctx;
  switch (kind) {
    case "backbone": {
      const b = ctx.backbone(a[0] as string);
      let m = b.module;
      for (const [child, cond] of a[1] as [string, unknown][]) {
        if (cond === "required") {
          // `add_pooling_layer=True` where the AutoModel default builds none (Data2VecVision): not this backbone.
          if (!m.children.some(([name]) => name === child)) throw new HeadRecipeError(`its backbone needs a \`${child}\` built here without one`);
        } else if (truthy(evaluate(cond, c))) m = { ...m, children: m.children.filter(([name]) => name !== child) };
      }
      return m;
    }
    case "linear":
      return linear(size(a[0], c, "input width"), size(a[1], c, "output width"), truthy(evaluate(a[2], c)));
    case "layerNorm": {
      const dim = evaluate(a[0], c);
      const shape = Array.isArray(dim) ? dim.map((d) => num(d)) : size(a[0], c, "norm width");
      return layerNorm(shape, { affine: truthy(evaluate(a[1], c)), bias: truthy(evaluate(a[2], c)) });
    }
    case "embedding":
      return embedding(size(a[0], c, "vocabulary"), size(a[1], c, "embedding width"));
    case "batchNorm":
      return batchNorm(size(a[0], c, "norm width"), { cls: a[1] as string });
    case "stateless":
      return stateless(a[0] as string);
    case "none":
      return null;
    case "?":
      return node(truthy(evaluate(a[0], c)) ? a[1] : a[2], ctx);
    case "seq":
      return list("Sequential", ...(a[0] as unknown[]).map((x) => node(x, ctx) ?? stateless("Identity")));
    case "module": {
      const parts = new Parts();
      run(a[1] as HeadItems, parts, ctx);
      return parts.module(a[0] as string);
    }
    default:
      throw new HeadRecipeError(`unknown recipe node \`${kind}\``);
  }
}

function run(items: HeadItems, parts: Parts, ctx: Context): void {
  for (const item of items) {
    const [kind, ...a] = item as [string, ...unknown[]];
    switch (kind) {
      case "child":
        parts.setChild(a[0] as string, node(a[1], ctx));
        break;
      case "param":
        parts.params.push([a[0] as string, { shape: (a[1] as unknown[]).map((d) => size(d, ctx.c, "parameter size")), dtype: "float32" }]);
        break;
      case "buffer":
        parts.buffers.push([
          a[0] as string,
          {
            shape: (a[1] as unknown[]).map((d) => size(d, ctx.c, "buffer size")),
            dtype: a[2] as DType,
            persistent: truthy(evaluate(a[3], ctx.c)),
          },
        ]);
        break;
      case "tie": {
        // `self.child.name = self.source`: the child gets the Parameter under its own name, re-wrapped (counted).
        const [childName, name, source] = a as [string, string, string];
        const i = parts.children.findIndex(([n]) => n === childName);
        const tensor = parts.params.find(([n]) => n === source)?.[1];
        if (i < 0 || !tensor) throw new HeadRecipeError(`cannot tie \`${childName}.${name}\``);
        const child = parts.children[i]![1];
        const shared = { ...tensor, sharedInPytorch: true };
        const params = child.params.some(([n]) => n === name)
          ? child.params.map(([n, t]) => [n, n === name ? shared : t] as const)
          : [...child.params, [name, shared] as const];
        parts.children[i] = [childName, { ...child, params }];
        break;
      }
      case "if":
        run((truthy(evaluate(a[0], ctx.c)) ? a[1] : a[2]) as HeadItems, parts, ctx);
        break;
      default:
        throw new HeadRecipeError(`unknown recipe step \`${kind}\``);
    }
  }
}

/**
 * Builds head class `cls` from its recipe; the backbone comes from `backbone`. `_no_split_modules` is the head
 * class's own (BertModel declares it, BertForSequenceClassification does not: accelerate's walk differs).
 */
export function buildHead(cls: string, recipe: HeadRecipe, c: Config, backbone: BackboneBuilder): ModelBuild {
  const parts = new Parts();
  run(recipe.items, parts, { c, backbone });
  return { module: parts.module(cls), noSplitModules: recipe.noSplit };
}
