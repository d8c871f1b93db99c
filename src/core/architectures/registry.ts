import type { DiffusersModel, TimmFamily, TransformersArchitecture } from "./types.js";
import type { Planner } from "../plan/planner.js";

/** Architectures to build from: what one family file exports, or every family (`estimate-all.ts`). */
export interface ArchitectureSet {
  readonly transformers?: readonly TransformersArchitecture[];
  readonly timm?: readonly TimmFamily[];
  readonly diffusers?: readonly DiffusersModel[];
  /** The Planner (src/core/plan/planner.ts), for estimates with `plan` options. */
  readonly planner?: Planner;
}

/** How the planner finds a nested config's class defaults (`text_config` of another `model_type`). */
export type ArchitectureLookup = (modelType: string) => TransformersArchitecture | undefined;

/**
 * The architectures one estimator can build, by `model_type`, timm model name and diffusers class name. It only
 * grows: the lazy path adds each family as it is loaded, so an estimate never sees fewer architectures than it
 * asked for.
 */
export class ArchitectureRegistry {
  readonly #byModelType = new Map<string, TransformersArchitecture>();
  readonly #byTimmName = new Map<string, TimmFamily>();
  readonly #byClassName = new Map<string, DiffusersModel>();
  #planner: Planner | undefined;

  constructor(...sets: readonly ArchitectureSet[]) {
    for (const set of sets) this.add(set);
  }

  add(set: ArchitectureSet): this {
    for (const arch of set.transformers ?? []) this.#byModelType.set(arch.modelType, arch);
    for (const family of set.timm ?? []) for (const name of family.names) this.#byTimmName.set(name, family);
    for (const model of set.diffusers ?? []) this.#byClassName.set(model.className, model);
    if (set.planner) this.#planner = set.planner;
    return this;
  }

  /** The Planner, once given (the lazy path loads it with the first plan asked for). */
  planner(): Planner | undefined {
    return this.#planner;
  }

  transformers(modelType: string): TransformersArchitecture | undefined {
    return this.#byModelType.get(modelType);
  }

  timm(name: string): TimmFamily | undefined {
    return this.#byTimmName.get(name);
  }

  /** The diffusers model class a config's `_class_name` names. */
  diffusers(className: string): DiffusersModel | undefined {
    return this.#byClassName.get(className);
  }

  /** Everything this registry builds, sorted (for `--list`). */
  supported(): { transformers: string[]; timm: string[]; diffusers: string[] } {
    return {
      transformers: [...this.#byModelType.keys()].sort(),
      timm: [...this.#byTimmName.keys()].sort(),
      diffusers: [...this.#byClassName.keys()].sort(),
    };
  }
}
