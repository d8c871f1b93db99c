/** Per-GPU memory beyond tensors: the runtime context and the caching allocator's reserve. */
import { ALLOCATOR_RESERVE_FRACTION, CONTEXT_MIB, MIB } from "./gpus.js";
import type { Ctx } from "./context.js";
import type { PlanOptions } from "./types.js";

/** `transient`: the short-lived bytes of a phase (activations, cache growth, step temporaries). */
export function overhead(o: PlanOptions, ctx: Ctx, transient: number): number {
  if (o.overheadMb !== undefined) return Math.round(o.overheadMb * MIB);
  const context = CONTEXT_MIB[ctx.gpu?.vendor ?? "nvidia"] * MIB;
  return context + Math.ceil(transient * ALLOCATOR_RESERVE_FRACTION);
}
