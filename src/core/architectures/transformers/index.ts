/** Every transformers architecture this package builds, one per `model_type`; each family lives in its own file. */
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
import { albert } from "./albert.js";
import { bertGeneration } from "./bert-generation.js";
import { bigBird } from "./big-bird.js";
import { bros } from "./bros.js";
import { camembert } from "./camembert.js";
import { canine } from "./canine.js";
import { convbert } from "./convbert.js";
import { data2vecText } from "./data2vec-text.js";
import { deberta, debertaV2 } from "./deberta.js";
import { dpr } from "./dpr.js";
import { electra } from "./electra.js";
import { ernieM } from "./ernie-m.js";
import { ernie } from "./ernie.js";
import { fnet } from "./fnet.js";
import { ibert } from "./ibert.js";
import { layoutlm } from "./layoutlm.js";
import { layoutlmv3 } from "./layoutlmv3.js";
import { lilt } from "./lilt.js";
import { longformer } from "./longformer.js";
import { luke } from "./luke.js";
import { lxmert } from "./lxmert.js";
import { markuplm } from "./markuplm.js";
import { megatronBert } from "./megatron-bert.js";
import { mobilebert } from "./mobilebert.js";
import { mpnet } from "./mpnet.js";
import { nezha } from "./nezha.js";
import { rembert } from "./rembert.js";
import { robertaPreLayerNorm } from "./roberta-prelayernorm.js";
import { rocBert } from "./roc-bert.js";
import { roformer } from "./roformer.js";
import { splinter } from "./splinter.js";
import { squeezebert } from "./squeezebert.js";
import { tapas } from "./tapas.js";
import { visualBert } from "./visual-bert.js";
import { xlmRobertaXl } from "./xlm-roberta-xl.js";
import { flaubert, xlm } from "./xlm.js";
import { xmod } from "./xmod.js";
import { mra, nystromformer, yoso } from "./yoso.js";
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
import { deepseekV3 } from "./deepseek-v3.js";
import { gemma3 } from "./gemma3.js";
import { gemma3Text } from "./gemma3-text.js";
import { gptOss } from "./gpt-oss.js";
import { llama4Text } from "./llama4-text.js";
import { ministral } from "./ministral.js";
import { mistral3 } from "./mistral3.js";
import { qwen3 } from "./qwen3.js";
import { qwen3Moe } from "./qwen3-moe.js";
import { smollm3 } from "./smollm3.js";
import { clvp } from "./clvp.js";
import { fastspeech2Conformer } from "./fastspeech2-conformer.js";
import { idefics } from "./idefics.js";
import { mimi } from "./mimi.js";
import { mobilevitv2 } from "./mobilevitv2.js";
import { moshi } from "./moshi.js";
import { align } from "./align.js";
import { deta } from "./deta.js";
import { groupvit } from "./groupvit.js";
import { mask2former } from "./mask2former.js";
import { maskformer } from "./maskformer.js";
import { oneformer } from "./oneformer.js";
import { rtDetr } from "./rt-detr.js";

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
  mpnet,
  albert,
  camembert,
  data2vecText,
  ernie,
  splinter,
  bertGeneration,
  electra,
  rembert,
  roformer,
  megatronBert,
  xlmRobertaXl,
  robertaPreLayerNorm,
  nezha,
  xmod,
  bigBird,
  xlm,
  flaubert,
  fnet,
  layoutlm,
  lilt,
  longformer,
  luke,
  markuplm,
  yoso,
  mra,
  nystromformer,
  dpr,
  tapas,
  visualBert,
  lxmert,
  deberta,
  debertaV2,
  convbert,
  squeezebert,
  rocBert,
  ernieM,
  bros,
  mobilebert,
  layoutlmv3,
  canine,
  ibert,
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
  dinov2,
  deit,
  ijepa,
  vitMae,
  vitMsn,
  yolos,
  dpt,
  beit,
  data2vecVision,
  videomae,
  vivit,
  timesformer,
  vitdet,
  swin,
  donutSwin,
  maskformerSwin,
  swinv2,
  swin2sr,
  focalnet,
  convnext,
  convnextv2,
  resnet,
  regnet,
  bit,
  efficientnet,
  mobilenetV1,
  mobilenetV2,
  segformer,
  glpn,
  pvt,
  pvtV2,
  poolformer,
  van,
  seggpt,
  swiftformer,
  efficientformer,
  levit,
  hiera,
  mobilevit,
  clip,
  clipTextModel,
  clipVisionModel,
  siglip,
  siglipTextModel,
  siglipVisionModel,
  altclip,
  chineseClip,
  chineseClipVisionModel,
  clipseg,
  owlvit,
  owlv2,
  xclip,
  mgpStr,
  pixtral,
  vilt,
  blip,
  blip2,
  git,
  idefics2,
  kosmos2,
  qwen2Vl,
  patchtst,
  patchtsmixer,
  graphormer,
  tvlt,
  sam,
  flava,
  bridgetower,
  perceiver,
  qwen3,
  qwen3Moe,
  gemma3Text,
  gemma3,
  deepseekV3,
  gptOss,
  llama4Text,
  mistral3,
  ministral,
  smollm3,
  mobilevitv2,
  mimi,
  moshi,
  fastspeech2Conformer,
  clvp,
  idefics,
  align,
  maskformer,
  mask2former,
  rtDetr,
  deta,
  groupvit,
  oneformer,
];
