import type { TransformersArchitecture } from "../types.js";
import { biogpt } from "./biogpt.js";
import { bloom } from "./bloom.js";
import { decisionTransformer } from "./decision-transformer.js";
import { gptBigcode } from "./gpt-bigcode.js";
import { gptNeo } from "./gpt-neo.js";
import { gptNeox } from "./gpt-neox.js";
import { codegen, gptj } from "./gptj.js";
import { imagegpt } from "./imagegpt.js";
import { mpt } from "./mpt.js";
import { opt } from "./opt.js";
import { xglm } from "./xglm.js";
import { gptsanJapanese } from "./gptsan-japanese.js";
import { reformer } from "./reformer.js";
import { transfoXl } from "./transfo-xl.js";
import { cpmant } from "./cpmant.js";
import { trajectoryTransformer } from "./trajectory-transformer.js";
import { xlnet } from "./xlnet.js";
import { zamba } from "./zamba.js";
import { jamba } from "./jamba.js";
import { falconMamba, mamba } from "./mamba.js";
import { mamba2 } from "./mamba2.js";
import { rwkv } from "./rwkv.js";
import { openaiGpt } from "./openai-gpt.js";
import { ctrl } from "./ctrl.js";
import { gptNeoxJapanese } from "./gpt-neox-japanese.js";

export const groupB: readonly TransformersArchitecture[] = [
  gptNeox,
  opt,
  xglm,
  biogpt,
  imagegpt,
  decisionTransformer,
  gptj,
  codegen,
  gptNeo,
  gptBigcode,
  bloom,
  mpt,
  openaiGpt,
  ctrl,
  gptNeoxJapanese,
  mamba,
  falconMamba,
  mamba2,
  rwkv,
  jamba,
  zamba,
  cpmant,
  trajectoryTransformer,
  xlnet,
  reformer,
  transfoXl,
  gptsanJapanese,
];
