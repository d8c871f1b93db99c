import type { TimmFamily } from "../types.js";

export const timmGroupC: readonly TimmFamily[] = [];
