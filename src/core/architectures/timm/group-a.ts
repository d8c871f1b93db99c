import type { TimmFamily } from "../types.js";
import { convnext } from "./convnext.js";
import { efficientnet } from "./efficientnet.js";
import { visionTransformer } from "./vision-transformer.js";

export const timmGroupA: readonly TimmFamily[] = [convnext, efficientnet, visionTransformer];
