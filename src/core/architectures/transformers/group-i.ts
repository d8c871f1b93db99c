// Group I: composite vision models (towers and backbones built from nested configs).
import type { TransformersArchitecture } from "../types.js";
import { align } from "./align.js";
import { mask2former } from "./mask2former.js";
import { deta } from "./deta.js";
import { maskformer } from "./maskformer.js";
import { rtDetr } from "./rt_detr.js";

export const groupI: readonly TransformersArchitecture[] = [align, maskformer, mask2former, rtDetr, deta];
