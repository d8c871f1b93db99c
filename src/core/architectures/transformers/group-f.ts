import type { TransformersArchitecture } from "../types.js";

export const groupF: readonly TransformersArchitecture[] = [];
