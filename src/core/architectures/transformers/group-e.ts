import type { TransformersArchitecture } from "../types.js";

export const groupE: readonly TransformersArchitecture[] = [];
