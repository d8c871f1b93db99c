// timm families of group C: levit.py, cait.py, inception_v3.py, resnetv2.py.
import type { TimmFamily } from "../types.js";
import { cait } from "./cait.js";
import { inceptionV3 } from "./inception-v3.js";
import { levit } from "./levit.js";
import { resnetv2 } from "./resnetv2.js";

export const timmGroupC: readonly TimmFamily[] = [levit, cait, inceptionV3, resnetv2];
