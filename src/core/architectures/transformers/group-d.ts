import type { TransformersArchitecture } from "../types.js";

export const groupD: readonly TransformersArchitecture[] = [];
