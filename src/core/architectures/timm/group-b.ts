import type { TimmFamily } from "../types.js";
import { beit } from "./beit.js";
import { eva } from "./eva.js";
import { swinTransformer } from "./swin-transformer.js";
import { swinTransformerV2 } from "./swin-transformer-v2.js";
import { swinTransformerV2Cr } from "./swin-transformer-v2-cr.js";

/** timm families ported from swin_transformer(_v2, _v2_cr).py, beit.py and eva.py. */
export const timmGroupB: readonly TimmFamily[] = [swinTransformer, swinTransformerV2, swinTransformerV2Cr, beit, eva];
