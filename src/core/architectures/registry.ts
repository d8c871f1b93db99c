import type { TimmFamily, TransformersArchitecture } from "./types.js";
import { transformersArchitectures } from "./transformers/index.js";
import { timmFamilies } from "./timm/index.js";

const byModelType = new Map<string, TransformersArchitecture>();
for (const arch of transformersArchitectures) byModelType.set(arch.modelType, arch);

const byTimmName = new Map<string, TimmFamily>();
for (const family of timmFamilies) for (const name of family.names) byTimmName.set(name, family);

export function transformersArchitecture(modelType: string): TransformersArchitecture | undefined {
  return byModelType.get(modelType);
}

export function timmFamily(name: string): TimmFamily | undefined {
  return byTimmName.get(name);
}

/** Everything this package can build, for `--list`. */
export function supportedArchitectures(): { transformers: string[]; timm: string[] } {
  return {
    transformers: [...byModelType.keys()].sort(),
    timm: [...byTimmName.keys()].sort(),
  };
}
