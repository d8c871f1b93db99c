import type { TimmFamily } from "../types.js";

export const timmGroupB: readonly TimmFamily[] = [];
