// What a MODEL argument resolves to (a config, checkpoint headers, or both): shared by the Node resolver, the
// application layer and the page, so it imports nothing Node-only.
import type { Library } from "../core/estimate.js";
import type { StoredTensor } from "../core/weights/tensors.js";
import type { ComponentConfig } from "../core/pipeline.js";

/** A checkpoint's tensors, read from headers only, for when no config can be built. */
export interface WeightsSource {
  /** Title for the table: the MODEL, or MODEL/FILE when a repo holds several GGUF files. */
  readonly name: string;
  readonly source: "safetensors" | "gguf";
  readonly tensors: readonly StoredTensor[];
  readonly modelClass?: string;
}

/** A MODEL argument resolved to what describes it: a config, checkpoint headers, or both. */
export interface ResolvedModel {
  /** The name as the user gave it: accelerate's table title uses it verbatim. */
  readonly name: string;
  /** config.json, parsed; absent for GGUF-only or weights-only models. */
  readonly config?: unknown;
  /** Where it came from: a path, "catalog:<id>", or a Hub repo. */
  readonly origin: string;
  readonly library?: Library;
  /** For `timm/NAME.TAG` ids: the registered model name. */
  readonly timmModelName?: string;
  /**
   * Set when the config is one shipped in catalog/: where that file came from (`catalog/index.json`'s `origin`)
   * and whether it was rebuilt from the model card rather than copied from the repository.
   */
  readonly shipped?: { readonly origin: string; readonly rebuilt: boolean };
  /** Reads the checkpoint headers (only when the config cannot be built). */
  readonly weights?: () => Promise<WeightsSource[]>;
  /** A diffusers pipeline: its model_index.json and each weight-holding component's config (or why it is missing). */
  readonly pipeline?: ResolvedPipeline;
  /** A sentence-transformers model (modules.json). */
  readonly sentenceTransformer?: ResolvedSentenceTransformer;
  /** A PEFT adapter (adapter_config.json) and, once resolved, its base model. */
  readonly adapter?: { readonly config: unknown; readonly baseName: string; readonly base?: ResolvedModel };
}

/** A sentence-transformers model: modules.json and the config.json of each module with weights, by module path. */
export interface ResolvedSentenceTransformer {
  readonly modules: unknown;
  readonly configs: Readonly<Record<string, unknown>>;
}

export interface ResolvedPipeline {
  readonly modelIndex: unknown;
  readonly components: Readonly<Record<string, ComponentConfig>>;
}

/** config.json files larger than this are not configs (the largest real ones are a few hundred kB). */
export const MAX_CONFIG_BYTES = 10 * 1024 * 1024;

/**
 * A MODEL that names a local file rather than a Hub repo: relative or absolute paths, backslashes, and the file
 * kinds only a path can be (`.json`, `.safetensors`, `.gguf`). Decided on the text alone, never by looking at disk.
 */
export function looksLikePath(model: string): boolean {
  if (/^https?:\/\//i.test(model)) return false;
  return model.startsWith(".") || model.startsWith("/") || /\.(json|safetensors|gguf)$/i.test(model) || model.includes("\\");
}
