import type { TransformersArchitecture } from "../types.js";

export const groupB: readonly TransformersArchitecture[] = [];
