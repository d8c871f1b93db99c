import type { TransformersArchitecture } from "../types.js";

export const groupH: readonly TransformersArchitecture[] = [];
