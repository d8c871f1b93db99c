import type { TimmFamily } from "../types.js";
import { convnext } from "./convnext.js";
import { deit } from "./deit.js";
import { densenet } from "./densenet.js";
import { efficientnet } from "./efficientnet.js";
import { mobilenetv3 } from "./mobilenetv3.js";
import { regnet } from "./regnet.js";
import { vgg } from "./vgg.js";
import { visionTransformer } from "./vision-transformer.js";

export const timmGroupA: readonly TimmFamily[] = [convnext, efficientnet, mobilenetv3, visionTransformer, deit, regnet, densenet, vgg];
