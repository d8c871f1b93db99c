import type { TransformersArchitecture } from "../types.js";

export const groupG: readonly TransformersArchitecture[] = [];
