import type { TimmFamily } from "../types.js";

export const timmGroupA: readonly TimmFamily[] = [];
