/** Every timm model family this package builds (timm/models/*.py). */
import type { TimmFamily } from "../types.js";
import { resnet } from "./resnet.js";
import { timmGroupA } from "./group-a.js";
import { timmGroupB } from "./group-b.js";
import { timmGroupC } from "./group-c.js";

export const timmFamilies: readonly TimmFamily[] = [resnet, ...timmGroupA, ...timmGroupB, ...timmGroupC];
