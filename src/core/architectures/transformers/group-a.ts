import type { TransformersArchitecture } from "../types.js";
import { cohere } from "./cohere.js";
import { falcon } from "./falcon.js";
import { gemma, gemma2 } from "./gemma.js";
import { glm } from "./glm.js";
import { granite, granitemoe } from "./granite.js";
import { jetmoe } from "./jetmoe.js";
import { mixtral } from "./mixtral.js";
import { olmo, olmo2, olmoe } from "./olmo.js";
import { openLlama } from "./open-llama.js";
import { persimmon } from "./persimmon.js";
import { phi } from "./phi.js";
import { phi3 } from "./phi3.js";
import { phimoe } from "./phimoe.js";
import { qwen2Moe } from "./qwen2-moe.js";
import { recurrentGemma } from "./recurrent-gemma.js";
import { stablelm } from "./stablelm.js";
import { starcoder2 } from "./starcoder2.js";

export const groupA: readonly TransformersArchitecture[] = [
  cohere,
  falcon,
  gemma,
  gemma2,
  glm,
  granite,
  granitemoe,
  jetmoe,
  mixtral,
  olmo,
  olmo2,
  olmoe,
  openLlama,
  persimmon,
  phi,
  phi3,
  phimoe,
  qwen2Moe,
  recurrentGemma,
  stablelm,
  starcoder2,
];
