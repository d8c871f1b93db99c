/**
 * Activations of vision models, from their feature maps at the input image size.
 *
 * - Vision transformers (transformers ViT/DeiT/BEiT/DINOv2…, timm VisionTransformer/DeiT/EVA…): the transformer
 *   block model of activations.ts over tokens = (image / patch)² + prefix tokens (class, distillation, registers).
 *   timm's geometry comes from the tree (blocks' `attn.qkv` / `mlp.fc1`, `pos_embed`, `cls_token`, `reg_token`);
 *   its attention is `F.scaled_dot_product_attention` (timm's `fused_attn`, the default), heads = width / 64.
 * - CNNs and hierarchical models whose stages the tree names (timm `layer1..4` / `stages.N` / `s1..s4` / `layers.N`,
 *   transformers `encoder.stages.N`): stage k runs at 1/(4·2^k) of the input side (a stride-4 stem — ResNet's
 *   stride-2 conv + max-pool, ConvNeXt's 4×4 patchify — then one 2× downsampling per stage: ResNet, ConvNeXt,
 *   RegNet, Swin); the stem's first conv at 1/2 (odd kernel, stride 2) or 1/kernel (even kernel: patchify).
 *   Each conv keeps its output (saved by the norm that follows) and the norm/activation output (saved by the next
 *   conv): 2 × out channels × pixels; each Linear inside a stage (ConvNeXt's pointwise MLP, Swin's projections) its
 *   input and output per pixel. Anything else (EfficientNet's irregular strides, DenseNet, VGG, MobileNet) is left
 *   unmodelled — the plan says so rather than guess.
 */
import type { Module } from "../modules/module.js";
import type { Config } from "../config/config.js";
import type { LayerGeometry } from "./activations.js";

export interface VisionTokens {
  /** Tokens per image at the planned image size. */
  readonly tokens: number;
  readonly patch: number;
  readonly prefix: number;
}

function firstInt(c: Config, keys: readonly string[]): number | undefined {
  for (const k of keys) {
    const v = c.get(k);
    if (typeof v === "number" && Number.isInteger(v) && v > 0) return v;
    if (Array.isArray(v) && typeof v[0] === "number" && Number.isInteger(v[0]) && v[0] > 0) return v[0];
  }
  return undefined;
}

/** The input side a transformers vision config is made for (`image_size`), or undefined. */
export function configImageSize(c: Config): number | undefined {
  const vision = c.get("vision_config");
  if (vision && typeof vision === "object") return undefined; // multimodal wrappers: planned as their text model
  return firstInt(c, ["image_size"]);
}

/** Tokens of a transformers vision transformer at `imageSize` (undefined when the config has no patch size). */
export function configVisionTokens(c: Config, modelType: string, imageSize: number): VisionTokens | undefined {
  const patch = firstInt(c, ["patch_size"]);
  if (!patch || firstInt(c, ["image_size"]) === undefined) return undefined;
  const side = Math.floor(imageSize / patch);
  // deit: [CLS] + distillation; dinov2 with registers: [CLS] + registers; the rest: [CLS].
  const registers = firstInt(c, ["num_register_tokens"]) ?? 0;
  const prefix = (modelType === "deit" ? 2 : 1) + registers;
  return { tokens: side * side + prefix, patch, prefix };
}

interface Visit {
  readonly path: string;
  readonly module: Module;
  readonly count: number;
}

function visit(root: Module, fn: (v: Visit) => void): void {
  const walk = (m: Module, path: string, count: number) => {
    fn({ path, module: m, count });
    for (const [name, child] of m.children) walk(child, path ? `${path}.${name}` : name, count);
    let index = 0;
    for (const run of m.items ?? []) {
      walk(run.module, path ? `${path}.${index}` : String(index), count * run.count);
      index += run.count;
    }
  };
  walk(root, "", 1);
}

const weightShape = (m: Module) => m.params.find(([n]) => n === "weight")?.[1].shape;

/** A timm vision transformer's block geometry and tokens, read from its tree; undefined when it is not one. */
export function timmViT(root: Module, imageSize: number | undefined): { geometry: LayerGeometry; tokens: VisionTokens } | undefined {
  let qkv: { width: number; count: number } | undefined;
  let fc1: number | undefined;
  let gated = false;
  let patch: number | undefined;
  let rms = false;
  visit(root, ({ path, module, count }) => {
    const w = weightShape(module);
    if (!w) return;
    if (/(^|\.)blocks\.\d+\.attn\.(qkv|q_proj)$/.test(path) && !qkv) qkv = { width: w[1] as number, count };
    if (/(^|\.)blocks\.\d+\.mlp\.(fc1|fc1_g)$/.test(path) && fc1 === undefined) {
      fc1 = w[0] as number;
      gated = path.endsWith("fc1_g");
    }
    if (/(^|\.)blocks\.\d+\.norm1$/.test(path) && /RmsNorm|RMSNorm/.test(module.cls)) rms = true;
    if (/(^|\.)patch_embed\.proj$/.test(path) && w.length === 4) patch = w[2] as number;
  });
  if (!qkv || !fc1 || !patch) return undefined;
  const own = new Map(root.params.map(([n, t]) => [n, t.shape] as const));
  const cls = own.has("cls_token") ? 1 : 0;
  const reg = own.get("reg_token")?.[1] ?? 0;
  const pos = own.get("pos_embed");
  const prefix = cls + reg;
  let side: number;
  if (imageSize !== undefined) side = Math.floor(imageSize / patch);
  else if (pos && pos.length === 3) {
    const n = pos[1] as number;
    // pos_embed covers the prefix tokens unless the model was built with no_embed_class.
    const grid = Number.isInteger(Math.sqrt(n - prefix)) ? n - prefix : n;
    side = Math.round(Math.sqrt(grid));
  } else side = Math.floor(224 / patch);
  const width = qkv.width;
  const geometry: LayerGeometry = {
    hidden: width,
    heads: Math.max(1, Math.round(width / 64)),
    qWidth: width,
    kvWidth: width,
    intermediate: fc1,
    gated,
    relu: false,
    norm: rms ? "rms" : "layer",
    layers: qkv.count,
    encoderLayers: 0,
    vocab: 0,
    attentionDropout: 0,
    hiddenDropout: 0,
    causal: false,
  };
  return { geometry, tokens: { tokens: side * side + prefix, patch, prefix } };
}

const STAGE = /(?:^|\.)(?:layer([1-9])|stages\.(\d+)|s([1-9])|layers\.(\d+))(?:\.|$)/;

export interface ConvActivations {
  /** Elements saved for backward per image. */
  readonly savedPerImage: number;
  /** Largest single feature map per image (elements): the inference transient scales with it. */
  readonly largestMapPerImage: number;
}

/** A staged CNN / hierarchical model's saved elements per image at `imageSize`; undefined when no stages are named. */
export function stagedVision(root: Module, imageSize: number): ConvActivations | undefined {
  let saved = 0;
  let largest = 0;
  let stemReduction = 1;
  let stagesSeen = 0;
  let firstConv = true;
  const inputChannels = 3;
  visit(root, ({ path, module, count }) => {
    const w = weightShape(module);
    if (!w) return;
    const isConv = /^Conv[12]d$/.test(module.cls) && w.length === 4;
    const isLinear = module.cls.endsWith("Linear") && w.length === 2;
    if (!isConv && !isLinear) return;
    const m = STAGE.exec(path);
    let reduction: number;
    if (m) {
      const k = m[1] ? Number(m[1]) - 1 : m[2] ? Number(m[2]) : m[3] ? Number(m[3]) - 1 : Number(m[4]);
      stagesSeen = Math.max(stagesSeen, k + 1);
      reduction = 4 * 2 ** k;
    } else if (stagesSeen > 0) {
      return; // the head after the last stage: pooled, negligible
    } else {
      if (isConv) {
        const kernel = w[2] as number;
        if (firstConv && (w[1] as number) === inputChannels) stemReduction = kernel % 2 === 0 ? kernel : 2;
        else if (kernel % 2 === 0 && kernel > 1) stemReduction *= kernel;
        firstConv = false;
      }
      reduction = stemReduction;
    }
    const side = Math.max(1, Math.floor(imageSize / reduction));
    const pixels = side * side;
    const out = w[0] as number;
    const elements = isConv ? 2 * out * pixels : ((w[1] as number) + out) * pixels;
    saved += elements * count;
    largest = Math.max(largest, Math.max(out, isLinear ? (w[1] as number) : 0) * pixels);
  });
  if (stagesSeen === 0) return undefined;
  return { savedPerImage: saved + inputChannels * imageSize * imageSize, largestMapPerImage: largest };
}
