/** Every timm model family this package builds (timm/models/*.py). */
import type { TimmFamily } from "../types.js";
import { resnet } from "./resnet.js";
import { convnext } from "./convnext.js";
import { deit } from "./deit.js";
import { densenet } from "./densenet.js";
import { efficientnet } from "./efficientnet.js";
import { mobilenetv3 } from "./mobilenetv3.js";
import { regnet } from "./regnet.js";
import { vgg } from "./vgg.js";
import { visionTransformer } from "./vision-transformer.js";
import { beit } from "./beit.js";
import { eva } from "./eva.js";
import { swinTransformer } from "./swin-transformer.js";
import { swinTransformerV2 } from "./swin-transformer-v2.js";
import { swinTransformerV2Cr } from "./swin-transformer-v2-cr.js";
import { cait } from "./cait.js";
import { inceptionV3 } from "./inception-v3.js";
import { levit } from "./levit.js";
import { resnetv2 } from "./resnetv2.js";

export const timmFamilies: readonly TimmFamily[] = [
  resnet,
  convnext,
  efficientnet,
  mobilenetv3,
  visionTransformer,
  deit,
  regnet,
  densenet,
  vgg,
  swinTransformer,
  swinTransformerV2,
  swinTransformerV2Cr,
  beit,
  eva,
  levit,
  cait,
  inceptionV3,
  resnetv2,
];
