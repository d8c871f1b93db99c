import { optionError, optionRef } from "../errors.js";
import { GPU_CATALOG, type GpuSpec, type GpuVendor } from "./gpu-catalog.js";

export const GIB = 1024 ** 3;
export const MIB = 1024 ** 2;

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9+]/g, "");

/** Edit distance (insertions, deletions, substitutions), for "did you mean". */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length] as number;
}

/** The catalog names closest to `query` (ignoring case, spaces and punctuation), nearest first. */
export function closestGpus(query: string, count = 3): string[] {
  const q = norm(query);
  return GPU_CATALOG.map((gpu) => {
    const n = norm(gpu.name);
    // A name is as close as its best-aligned stretch: "rtx4090" against "rtx409024gb" costs the missing "24gb" less.
    const partial = n.length > q.length ? Math.min(...Array.from({ length: n.length - q.length + 1 }, (_, i) => editDistance(q, n.slice(i, i + q.length)))) + 0.5 : Infinity;
    return { name: gpu.name, d: Math.min(editDistance(q, n), partial) };
  })
    .sort((a, b) => a.d - b.d)
    .slice(0, count)
    .map((x) => x.name);
}

/**
 * Finds a catalog entry: an exact match ignoring case, spaces and punctuation ("h100 80gb", "H100-80GB"), else
 * the one entry containing the query ("4090"). An ambiguous query lists the candidates; an unknown one the
 * closest names.
 */
export function findGpu(query: string): GpuSpec {
  const q = norm(query);
  const exact = GPU_CATALOG.find((gpu) => norm(gpu.name) === q);
  if (exact) return exact;
  const partial = q === "" ? [] : GPU_CATALOG.filter((gpu) => norm(gpu.name).includes(q));
  if (partial.length === 1) return partial[0] as GpuSpec;
  const gpu = optionRef("gpu");
  if (partial.length > 1) {
    throw optionError`${gpu} \`${query}\` matches ${partial.length} accelerators: ${partial.slice(0, 8).map((x) => x.name).join(", ")}${partial.length > 8 ? ", …" : ""}`;
  }
  throw optionError`${gpu} \`${query}\` is not in the GPU catalog; closest: ${closestGpus(query).join(", ")}`;
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
