import type { TransformersArchitecture } from "../types.js";
import { altclip } from "./altclip.js";
import { chineseClip, chineseClipVisionModel } from "./chinese-clip.js";
import { clip, clipTextModel, clipVisionModel } from "./clip.js";
import { clipseg } from "./clipseg.js";
import { owlv2, owlvit } from "./owlvit.js";
import { xclip } from "./xclip.js";
import { blip } from "./blip.js";
import { git } from "./git.js";
import { idefics2 } from "./idefics2.js";
import { kosmos2 } from "./kosmos-2.js";
import { qwen2Vl } from "./qwen2-vl.js";
import { patchtst } from "./patchtst.js";
import { patchtsmixer } from "./patchtsmixer.js";
import { graphormer } from "./graphormer.js";
import { tvlt } from "./tvlt.js";
import { sam } from "./sam.js";
import { flava } from "./flava.js";
import { bridgetower } from "./bridgetower.js";
import { perceiver } from "./perceiver.js";
import { blip2 } from "./blip-2.js";
import { mgpStr } from "./mgp-str.js";
import { pixtral } from "./pixtral.js";
import { vilt } from "./vilt.js";
import { siglip, siglipTextModel, siglipVisionModel } from "./siglip.js";

export const groupF: readonly TransformersArchitecture[] = [
  clip, clipTextModel, clipVisionModel, siglip, siglipTextModel, siglipVisionModel, altclip, chineseClip, chineseClipVisionModel,
  clipseg, owlvit, owlv2, xclip, mgpStr, pixtral, vilt, blip, blip2, git, idefics2, kosmos2, qwen2Vl, patchtst, patchtsmixer, graphormer, tvlt, sam, flava, bridgetower, perceiver,
];
