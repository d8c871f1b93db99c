import type { TransformersArchitecture } from "../types.js";
import { clvp } from "./clvp.js";
import { fastspeech2Conformer } from "./fastspeech2-conformer.js";
import { idefics } from "./idefics.js";
import { mimi } from "./mimi.js";
import { mobilevitv2 } from "./mobilevitv2.js";
import { moshi } from "./moshi.js";

export const groupH: readonly TransformersArchitecture[] = [mobilevitv2, mimi, moshi, fastspeech2Conformer, clvp, idefics];
