/**
 * Every transformers architecture this package builds. Families live in their own files; the group files
 * (group-*.ts) collect the ones ported together, so parallel work never edits the same list.
 */
import type { TransformersArchitecture } from "../types.js";
import { bert } from "./bert.js";
import { distilbert } from "./distilbert.js";
import { gpt2 } from "./gpt2.js";
import { llama } from "./llama.js";
import { mistral } from "./mistral.js";
import { qwen2 } from "./qwen2.js";
import { roberta, xlmRoberta } from "./roberta.js";
import { t5 } from "./t5.js";
import { vit } from "./vit.js";
import { groupA } from "./group-a.js";
import { groupB } from "./group-b.js";
import { groupC } from "./group-c.js";
import { groupD } from "./group-d.js";
import { groupE } from "./group-e.js";
import { groupF } from "./group-f.js";
import { groupG } from "./group-g.js";
import { groupH } from "./group-h.js";
import { groupI } from "./group-i.js";

export const transformersArchitectures: readonly TransformersArchitecture[] = [
  bert,
  roberta,
  xlmRoberta,
  distilbert,
  gpt2,
  llama,
  mistral,
  qwen2,
  t5,
  vit,
  ...groupA,
  ...groupB,
  ...groupC,
  ...groupD,
  ...groupE,
  ...groupF,
  ...groupG,
  ...groupH,
  ...groupI,
];
