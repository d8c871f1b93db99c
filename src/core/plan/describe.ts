/** `plan.assumptions`: every default and modelling choice behind the figures, in words. */
import type { Breakdown, Ctx, Resolved } from "./context.js";
import { DEFAULT_SEQ } from "./context.js";
import { ALLOCATOR_RESERVE_FRACTION, CONTEXT_MIB } from "./gpus.js";
import { computeDtypeBytes } from "./inference.js";
import { optimizerOf } from "./training.js";
import type { PlanOptions } from "./types.js";

function activationWords(r: Resolved, ctx: Ctx, o: PlanOptions): string {
  const m = ctx.activations;
  const attn = r.attn === "eager" ? "eager attention (seq² scores kept)" : `${r.attn} (no seq² scores)`;
  const defaultAttn = o.attnImplementation === undefined ? ", transformers' default where supported" : "";
  switch (m.kind) {
    case "none":
      return "activations not modelled for this architecture (0); fit searches over batch and context are refused";
    case "conv":
      return `activations from the feature maps at ${m.imageSize}×${m.imageSize} (stem at 1/4, one 2× downsampling per stage; each conv's output and its norm/activation output)${
        o.gradientCheckpointing ? "; gradient checkpointing not modelled for feature-map models (counted without)" : ""
      }`;
    case "vit":
      return `activations of ${m.geometry.layers} transformer blocks over ${m.tokens.tokens} tokens per image (${m.imageSize}×${m.imageSize}, patch ${m.tokens.patch}, ${m.tokens.prefix} prefix) with ${attn}${defaultAttn}`;
    case "text":
      return r.mode === "inference"
        ? `activations: one prefill of batch × ${r.promptLen} prompt tokens with ${attn}${defaultAttn}; logits for the last position only, float32`
        : `activations saved for backward with ${attn}${defaultAttn}${o.gradientCheckpointing ? ", gradient checkpointing (block inputs + one recomputed block)" : ""}; ${
            ctx.model.generative ? "loss over float32 log-softmax (transformers upcasts the logits) and the logits' gradient; " : ""
          }dropout masks where the config's dropout is > 0`;
  }
}

export function describe(o: PlanOptions, r: Resolved, ctx: Ctx, b: Breakdown): string[] {
  const a: string[] = [];
  const tied = ctx.stats.tiedHeadParameters > 0 ? `; the output head shares the input embedding (tie_word_embeddings), counted once` : "";
  a.push(`model: ${ctx.model.module.cls} (${ctx.stats.parameters.toLocaleString("en-US")} parameters, tied tensors once${tied})`);
  if (o.batchSize === undefined) a.push("batch size 1 (default)");
  if (o.seqLen === undefined && ctx.activations.kind !== "vit" && ctx.activations.kind !== "conv") a.push(`sequence length ${r.seq} (default${r.seq === DEFAULT_SEQ ? "" : ": the prompt length"})`);
  if (r.mode === "inference") {
    if (ctx.model.storedWeightsBytes !== undefined && !o.dtype && !o.quantization) a.push("weights as the quantized checkpoint stores them (its packed tensors and scales)");
    else if (!o.dtype) a.push("weights in bfloat16 (default); floating buffers cast with them");
    if (ctx.model.accelerateTotalBytes === 0) a.push("no buildable config: the module tree and block geometry are read from the checkpoint's tensors (heads assumed of size 128 where no config says)");
    if (o.quantization) {
      a.push(`${o.quantization}: Linear weights outside the output head quantized; embeddings, norms, biases and the head stay ${computeDtypeBytes(o) === 4 ? "float32" : "16-bit"}`);
      if (o.quantization.startsWith("gptq") || o.quantization === "awq-4bit") a.push(`group size ${o.groupSize ?? 128}`);
      if (o.quantization === "bnb-nf4" || o.quantization === "bnb-fp4") a.push(`64-element absmax blocks, double quantization ${o.doubleQuant ? "on" : "off (transformers' default)"}`);
    }
    for (const note of b.kv?.notes ?? []) a.push(note);
    if (b.phases.length > 1) {
      a.push(`peak = weights + max(prefill: cache of the ${r.promptLen}-token prompt + prefill activations, decode: cache at ${r.seq} tokens) + overhead`);
    }
    a.push("KV cache preallocated for the full batch × sequence length");
    a.push(activationWords(r, ctx, o));
  } else {
    const optimizer = optimizerOf(o);
    a.push(`precision ${o.precision ?? "mixed-bf16"}${o.precision ? "" : " (default)"}; optimizer ${optimizer}${o.optimizer ? (o.optimizer !== optimizer ? ` (${o.optimizer})` : "") : " (default)"}`);
    if (optimizer === "adamw_torch") a.push("adamw_torch is torch's foreach AdamW: its step makes a full-size temporary of the second moments");
    if (optimizer.startsWith("paged_")) a.push("paged optimizer states live in CUDA unified memory: evicted to the host under pressure, not counted in the peak");
    if (o.optimizerInBackward) a.push("optimizer in backward (torchtune): each gradient is applied and freed as it is produced; no separate step");
    if (o.train !== "full") {
      a.push(`LoRA r=${o.loraR ?? 8}${o.loraR === undefined ? " (PEFT's default)" : ""}, targets ${o.loraTargets === undefined ? "all-linear (default)" : Array.isArray(o.loraTargets) ? o.loraTargets.join(",") : "all-linear"}; adapters trained in ${o.precision === "bf16" ? "bf16" : "float32"}`);
      if (o.train === "qlora") a.push(`QLoRA base: bnb-nf4, double quantization ${o.doubleQuant ? "on" : "off"}, 16-bit embeddings/norms/head`);
    }
    if (o.train === "full" && (o.precision ?? "mixed-bf16").startsWith("mixed")) a.push("mixed precision keeps float32 weights plus a 16-bit copy (6 B/param), float32 gradients");
    a.push(activationWords(r, ctx, o));
    a.push(`peak = the largest phase: forward (weights + optimizer states + activations), backward (+ gradients + the logits' gradient)${o.optimizerInBackward ? "" : ", optimizer step (weights + gradients + states + step temporaries)"}; gradients freed before the forward (zero_grad set_to_none)`);
    if (o.zero !== undefined) a.push("ZeRO figures are DeepSpeed's estimators (fp16 mixed precision + Adam, one node, zero_init, buffer factor 1.5 for CPU)");
    if (o.fsdp !== undefined) a.push("FSDP: float32 shards of params/grads/optimizer, 16-bit gathered copy of the largest _no_split_modules block (twice: current + prefetch)");
    if (r.gpus > 1) a.push("batch size is per GPU");
  }
  if (o.overheadMb !== undefined) a.push(`overhead ${o.overheadMb} MiB (given)`);
  else a.push(`overhead: ${CONTEXT_MIB[ctx.gpu?.vendor ?? "nvidia"]} MiB runtime context (${ctx.gpu?.vendor ?? "nvidia"}) + ${ALLOCATOR_RESERVE_FRACTION * 100}% of the phase's transient memory for the caching allocator`);
  if (ctx.gpu) {
    a.push(`GPU memory ${ctx.gpu.memoryGiB} GiB (${ctx.gpu.name})${ctx.gpu.kind === "unified" ? "; unified memory: the OS and other processes share it" : ""}`);
    if (r.mode === "training" && o.zero === undefined && o.fsdp === undefined && o.tp === undefined) a.push("gpusNeeded assumes ZeRO-3 sharding");
    if (r.mode === "inference") a.push("gpusNeeded assumes tensor parallelism over the GPUs");
    if (ctx.maxPositions !== undefined) a.push(`maxSeqLen capped at max_position_embeddings (${ctx.maxPositions})`);
  }
  return a;
}
