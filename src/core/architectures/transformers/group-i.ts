// Group I: composite vision models (towers and backbones built from nested configs).
import type { TransformersArchitecture } from "../types.js";
import { align } from "./align.js";
import { deta } from "./deta.js";
import { groupvit } from "./groupvit.js";
import { mask2former } from "./mask2former.js";
import { maskformer } from "./maskformer.js";
import { oneformer } from "./oneformer.js";
import { rtDetr } from "./rt-detr.js";

export const groupI: readonly TransformersArchitecture[] = [align, maskformer, mask2former, rtDetr, deta, groupvit, oneformer];
