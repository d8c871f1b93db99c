import type { TransformersArchitecture } from "../types.js";

export const groupC: readonly TransformersArchitecture[] = [];
