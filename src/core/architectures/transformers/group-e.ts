import type { TransformersArchitecture } from "../types.js";
import { beit, data2vecVision } from "./beit.js";
import { bit } from "./bit.js";
import { convnext, convnextv2 } from "./convnext.js";
import { deit } from "./deit.js";
import { dinov2 } from "./dinov2.js";
import { dpt } from "./dpt.js";
import { efficientformer } from "./efficientformer.js";
import { efficientnet } from "./efficientnet.js";
import { focalnet } from "./focalnet.js";
import { hiera } from "./hiera.js";
import { ijepa } from "./ijepa.js";
import { levit } from "./levit.js";
import { mobilevit } from "./mobilevit.js";
import { mobilenetV1 } from "./mobilenet-v1.js";
import { mobilenetV2 } from "./mobilenet-v2.js";
import { poolformer } from "./poolformer.js";
import { pvt } from "./pvt.js";
import { pvtV2 } from "./pvt-v2.js";
import { regnet } from "./regnet.js";
import { resnet } from "./resnet.js";
import { glpn, segformer } from "./segformer.js";
import { seggpt } from "./seggpt.js";
import { swiftformer } from "./swiftformer.js";
import { swin2sr } from "./swin2sr.js";
import { donutSwin, maskformerSwin, swin, swinv2 } from "./swin.js";
import { timesformer } from "./timesformer.js";
import { videomae } from "./videomae.js";
import { van } from "./van.js";
import { vitMae } from "./vit-mae.js";
import { vitMsn } from "./vit-msn.js";
import { vitdet } from "./vitdet.js";
import { vivit } from "./vivit.js";
import { yolos } from "./yolos.js";

export const groupE: readonly TransformersArchitecture[] = [
  dinov2, deit, ijepa, vitMae, vitMsn, yolos, dpt, beit, data2vecVision, videomae, vivit, timesformer, vitdet,
  swin, donutSwin, maskformerSwin, swinv2, swin2sr, focalnet,
  convnext, convnextv2, resnet, regnet, bit,
  efficientnet, mobilenetV1, mobilenetV2,
  segformer, glpn, pvt, pvtV2,
  poolformer, van, seggpt, swiftformer, efficientformer, levit, hiera, mobilevit,
];
