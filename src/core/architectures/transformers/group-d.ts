import type { TransformersArchitecture } from "../types.js";
import { bart, mbart, mvp, plbart } from "./bart.js";
import { bigbirdPegasus } from "./bigbird-pegasus.js";
import { blenderbot, blenderbotSmall } from "./blenderbot.js";
import { fsmt } from "./fsmt.js";
import { led } from "./led.js";
import { longt5 } from "./longt5.js";
import { m2m100 } from "./m2m-100.js";
import { marian } from "./marian.js";
import { mt5, umt5 } from "./mt5.js";
import { nllbMoe } from "./nllb-moe.js";
import { pegasus } from "./pegasus.js";
import { pegasusX } from "./pegasus-x.js";
import { switchTransformers } from "./switch-transformers.js";
import { whisper } from "./whisper.js";
import { udop } from "./udop.js";
import { speecht5 } from "./speecht5.js";
import { mctct } from "./mctct.js";
import { univnet } from "./univnet.js";
import { dac } from "./dac.js";
import { data2vecAudio } from "./data2vec-audio.js";
import { audioSpectrogramTransformer } from "./audio-spectrogram-transformer.js";
import { wav2vec2Bert } from "./wav2vec2-bert.js";
import { prophetnet, xlmProphetnet } from "./prophetnet.js";
import { speechToText } from "./speech-to-text.js";
import { qwen2AudioEncoderArch } from "./qwen2-audio-encoder.js";

export const groupD: readonly TransformersArchitecture[] = [
  whisper,
  bart,
  mbart,
  plbart,
  mvp,
  marian,
  pegasus,
  blenderbot,
  blenderbotSmall,
  m2m100,
  mt5,
  umt5,
  longt5,
  switchTransformers,
  nllbMoe,
  fsmt,
  led,
  bigbirdPegasus,
  pegasusX,
  prophetnet,
  xlmProphetnet,
  speechToText,
  qwen2AudioEncoderArch,
  data2vecAudio,
  audioSpectrogramTransformer,
  wav2vec2Bert,
  mctct,
  univnet,
  dac,
  speecht5,
  udop,
];
