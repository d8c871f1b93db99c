import type { TransformersArchitecture } from "../types.js";

export const groupA: readonly TransformersArchitecture[] = [];
