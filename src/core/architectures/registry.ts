import type { DiffusersModel, TimmFamily, TransformersArchitecture } from "./types.js";
import { transformersArchitectures } from "./transformers/index.js";
import { timmFamilies } from "./timm/index.js";
import { diffusersModels } from "./diffusers/index.js";

const byModelType = new Map<string, TransformersArchitecture>();
for (const arch of transformersArchitectures) byModelType.set(arch.modelType, arch);

const byTimmName = new Map<string, TimmFamily>();
for (const family of timmFamilies) for (const name of family.names) byTimmName.set(name, family);

const byClassName = new Map<string, DiffusersModel>();
for (const model of diffusersModels) byClassName.set(model.className, model);

/** The diffusers model class a config's `_class_name` names. */
export function diffusersModel(className: string): DiffusersModel | undefined {
  return byClassName.get(className);
}

export function transformersArchitecture(modelType: string): TransformersArchitecture | undefined {
  return byModelType.get(modelType);
}

export function timmFamily(name: string): TimmFamily | undefined {
  return byTimmName.get(name);
}

/** Everything this package can build, for `--list`. */
export function supportedArchitectures(): { transformers: string[]; timm: string[]; diffusers: string[] } {
  return {
    transformers: [...byModelType.keys()].sort(),
    timm: [...byTimmName.keys()].sort(),
    diffusers: [...byClassName.keys()].sort(),
  };
}
