/**
 * Optimizers by the names Hugging Face Trainer's `optim` takes (transformers/training_args.py `OptimizerNames`,
 * transformers/trainer.py `get_optimizer_cls_and_kwargs`), with what each keeps per trainable parameter and what
 * its `step()` materialises on top:
 * - `adamw_torch`: torch.optim.AdamW, foreach implementation (torch's default on CUDA): `_foreach_sqrt(exp_avg_sq)`
 *   makes a full-size temporary of every parameter's second moment at once (torch/optim/adamw.py `_multi_tensor_adamw`).
 * - `adamw_torch_fused` / `adamw_apex_fused`: one fused kernel per group, no full-size temporary.
 * - `adamw_hf` (transformers' own AdamW, removed in 4.5x) and `adamw_torch` with `foreach=False`: a per-tensor
 *   loop, so the temporary is the largest tensor's `denom`.
 * - bitsandbytes (`adamw_bnb_8bit`, `adamw_8bit`, `lion_8bit`…): uint8 states + one float32 absmax per 2048-element
 *   block (bitsandbytes/optim/optimizer.py, blockwise dynamic quantisation); `paged_*` states live in CUDA unified
 *   memory (cudaMallocManaged): the driver evicts them to host memory when the device is full, so they never make a
 *   step run out of memory — they are reported, not counted in the peak.
 * - `adafactor` (transformers.optimization.Adafactor, Trainer's arguments: `beta1=None`, factored second moment):
 *   a row and a column vector per ≥2-D tensor, the full tensor for 1-D ones; its per-tensor loop makes an fp32
 *   update the size of the tensor (twice: grad² and the update).
 * - `sgd`: torch.optim.SGD with Trainer's arguments (lr only: momentum 0, no state buffer).
 * - `adagrad`, `rmsprop`: one state.
 */
import { OPTIMIZER_ALIASES, OPTIMIZER_NAMES, type OptimizerName } from "./types.js";

export { OPTIMIZER_ALIASES, OPTIMIZER_NAMES, type OptimizerAlias, type OptimizerName } from "./types.js";

export function canonicalOptimizer(name: string): OptimizerName | undefined {
  if ((OPTIMIZER_NAMES as readonly string[]).includes(name)) return name as OptimizerName;
  return (OPTIMIZER_ALIASES as Record<string, OptimizerName>)[name];
}

interface OptimizerSpec {
  /** Full-precision states per trainable parameter (in the state dtype). */
  readonly states: number;
  /** 8-bit blockwise states (bitsandbytes): one byte each + a float32 absmax per 2048 elements. */
  readonly states8bit?: number;
  readonly paged?: boolean;
  /** The step's temporary: the whole group (`foreach`), the largest tensor (per-tensor loop), or none (fused). */
  readonly temporary: "group" | "largest" | "none";
  readonly factored?: boolean;
  /** Adam-family: what Accelerate's "Training using Adam" table describes. */
  readonly adam?: boolean;
}

const SPECS: Readonly<Record<OptimizerName, OptimizerSpec>> = {
  adamw_torch: { states: 2, temporary: "group", adam: true },
  adamw_torch_fused: { states: 2, temporary: "none", adam: true },
  adamw_apex_fused: { states: 2, temporary: "none", adam: true },
  adamw_hf: { states: 2, temporary: "largest", adam: true },
  adamw_bnb_8bit: { states: 0, states8bit: 2, temporary: "none", adam: true },
  adamw_8bit: { states: 0, states8bit: 2, temporary: "none", adam: true },
  paged_adamw_8bit: { states: 0, states8bit: 2, paged: true, temporary: "none", adam: true },
  paged_adamw_32bit: { states: 2, paged: true, temporary: "none", adam: true },
  lion_8bit: { states: 0, states8bit: 1, temporary: "none" },
  lion_32bit: { states: 1, temporary: "none" },
  paged_lion_8bit: { states: 0, states8bit: 1, paged: true, temporary: "none" },
  paged_lion_32bit: { states: 1, paged: true, temporary: "none" },
  adafactor: { states: 0, temporary: "largest", factored: true },
  sgd: { states: 0, temporary: "none" },
  adagrad: { states: 1, temporary: "group" },
  rmsprop: { states: 1, temporary: "group" },
};

export function isAdam(name: OptimizerName): boolean {
  return SPECS[name].adam === true;
}

export interface OptimizerMemory {
  /** State bytes (including paged ones). */
  readonly stateBytes: number;
  /** Of which in unified (paged) memory: not counted in the GPU peak. */
  readonly pagedBytes: number;
  /** Bytes the step materialises on top of the states. */
  readonly stepTemporaryBytes: number;
}

export interface OptimizerInput {
  /** Trainable parameters. */
  readonly trainable: number;
  /** Elements of Adafactor's factored second moments over the trainable tensors. */
  readonly factoredElements: number;
  /** Elements of the largest trainable tensor (per-tensor loops). */
  readonly largestTensor: number;
  /** Bytes per element of full-precision states (4, or 2 in pure-bf16 training). */
  readonly stateBytes: number;
}

export function optimizerMemory(name: OptimizerName, x: OptimizerInput): OptimizerMemory {
  const s = SPECS[name];
  let state = s.states * x.trainable * x.stateBytes;
  if (s.states8bit) state += s.states8bit * x.trainable + Math.ceil((s.states8bit * x.trainable) / 2048) * 4;
  // Adafactor's factored states are float32 whatever the parameter dtype (its `_approx_sq_grad` runs in float32).
  if (s.factored) state += Math.round(x.factoredElements) * 4;
  const temp =
    s.temporary === "group" ? x.trainable * x.stateBytes : s.temporary === "largest" ? (s.factored ? 2 * x.largestTensor * 4 : x.largestTensor * x.stateBytes) : 0;
  return { stateBytes: state, pagedBytes: s.paged ? state : 0, stepTemporaryBytes: temp };
}
