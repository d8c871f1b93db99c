import type { TransformersArchitecture } from "../types.js";
import { beit, data2vecVision } from "./beit.js";
import { bit } from "./bit.js";
import { convnext, convnextv2 } from "./convnext.js";
import { deit } from "./deit.js";
import { dinov2 } from "./dinov2.js";
import { dpt } from "./dpt.js";
import { efficientnet } from "./efficientnet.js";
import { focalnet } from "./focalnet.js";
import { ijepa } from "./ijepa.js";
import { mobilenetV1 } from "./mobilenet_v1.js";
import { mobilenetV2 } from "./mobilenet_v2.js";
import { pvt } from "./pvt.js";
import { pvtV2 } from "./pvt_v2.js";
import { regnet } from "./regnet.js";
import { resnet } from "./resnet.js";
import { glpn, segformer } from "./segformer.js";
import { swin2sr } from "./swin2sr.js";
import { donutSwin, maskformerSwin, swin, swinv2 } from "./swin.js";
import { timesformer } from "./timesformer.js";
import { videomae } from "./videomae.js";
import { vitMae } from "./vit_mae.js";
import { vitMsn } from "./vit_msn.js";
import { vitdet } from "./vitdet.js";
import { vivit } from "./vivit.js";
import { yolos } from "./yolos.js";

export const groupE: readonly TransformersArchitecture[] = [
  dinov2, deit, ijepa, vitMae, vitMsn, yolos, dpt, beit, data2vecVision, videomae, vivit, timesformer, vitdet,
  swin, donutSwin, maskformerSwin, swinv2, swin2sr, focalnet,
  convnext, convnextv2, resnet, regnet, bit,
  efficientnet, mobilenetV1, mobilenetV2,
  segformer, glpn, pvt, pvtV2,
];
