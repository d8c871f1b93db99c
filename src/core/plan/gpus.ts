import { UsageError } from "../errors.js";
import { GPU_CATALOG, type GpuSpec, type GpuVendor } from "./gpu-catalog.js";

export const GIB = 1024 ** 3;
export const MIB = 1024 ** 2;

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9+]/g, "");

/**
 * Finds a catalog entry: an exact match ignoring case, spaces and punctuation ("h100 80gb", "H100-80GB"), else
 * the one entry containing the query ("4090"). An ambiguous query is a usage error that lists the candidates.
 */
export function findGpu(query: string): GpuSpec {
  const q = norm(query);
  const exact = GPU_CATALOG.find((gpu) => norm(gpu.name) === q);
  if (exact) return exact;
  const partial = GPU_CATALOG.filter((gpu) => norm(gpu.name).includes(q));
  if (partial.length === 1) return partial[0] as GpuSpec;
  if (partial.length > 1) {
    throw new UsageError(`--gpu \`${query}\` matches ${partial.length} accelerators: ${partial.slice(0, 8).map((x) => x.name).join(", ")}${partial.length > 8 ? ", …" : ""}`);
  }
  throw new UsageError(`--gpu \`${query}\` is not in the catalog (run \`estimate-memory --list-gpus\`)`);
}

export function gpuMemoryBytes(gpu: GpuSpec): number {
  return gpu.memoryGiB * GIB;
}

/**
 * Memory the runtime takes before any tensor: the CUDA/HIP context (driver state + the kernels of PyTorch and
 * cuBLAS/cuDNN loaded lazily, CUDA_MODULE_LOADING=LAZY) — typically 300–600 MiB on recent NVIDIA/AMD parts as
 * nvidia-smi shows after `torch.cuda.init()` — and nothing comparable on Metal (Apple) or XLA (TPU), whose
 * runtime lives in host memory. Overridable with `--overhead-mb`.
 */
export const CONTEXT_MIB: Readonly<Record<GpuVendor, number>> = {
  nvidia: 512,
  amd: 512,
  intel: 512,
  aws: 512,
  apple: 0,
  google: 0,
};

/**
 * PyTorch's caching allocator keeps freed blocks reserved and rounds requests up (to 512 B, and 2 MiB segments
 * for large ones); fragmentation of short-lived tensors (activations, cache growth) is the part that shows in
 * nvidia-smi. We reserve 5 % of the transient memory (activations + KV cache) for it.
 */
export const ALLOCATOR_RESERVE_FRACTION = 0.05;

export function listGpus(): string {
  const width = Math.max(...GPU_CATALOG.map((gpu) => gpu.name.length));
  return GPU_CATALOG.map((gpu) => `${gpu.name.padEnd(width)}  ${String(gpu.memoryGiB).padStart(4)} GB  ${gpu.vendor.padEnd(6)}  ${gpu.kind}${gpu.note ? `  (${gpu.note})` : ""}`).join("\n");
}
