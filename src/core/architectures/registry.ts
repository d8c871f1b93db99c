import type { TimmFamily, TransformersArchitecture } from "./types.js";

/** Architectures to build from: what one family file exports, or every family (`estimate.ts`). */
export interface ArchitectureSet {
  readonly transformers?: readonly TransformersArchitecture[];
  readonly timm?: readonly TimmFamily[];
}

/** How the planner finds a nested config's class defaults (`text_config` of another `model_type`). */
export type ArchitectureLookup = (modelType: string) => TransformersArchitecture | undefined;

/**
 * The architectures one estimator can build, by `model_type` and by timm model name. It only grows: the lazy
 * path adds each family as it is loaded, so an estimate never sees fewer architectures than it asked for.
 */
export class ArchitectureRegistry {
  readonly #byModelType = new Map<string, TransformersArchitecture>();
  readonly #byTimmName = new Map<string, TimmFamily>();

  constructor(...sets: readonly ArchitectureSet[]) {
    for (const set of sets) this.add(set);
  }

  add(set: ArchitectureSet): this {
    for (const arch of set.transformers ?? []) this.#byModelType.set(arch.modelType, arch);
    for (const family of set.timm ?? []) for (const name of family.names) this.#byTimmName.set(name, family);
    return this;
  }

  transformers(modelType: string): TransformersArchitecture | undefined {
    return this.#byModelType.get(modelType);
  }

  timm(name: string): TimmFamily | undefined {
    return this.#byTimmName.get(name);
  }

  /** Everything this registry builds, sorted (for `--list`). */
  supported(): { transformers: string[]; timm: string[] } {
    return { transformers: [...this.#byModelType.keys()].sort(), timm: [...this.#byTimmName.keys()].sort() };
  }
}
