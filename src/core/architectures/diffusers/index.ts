/** Every diffusers model class this package builds (diffusers/models/**, commit 58eb52c). */
import type { DiffusersModel } from "../types.js";
import { unet2DConditionModel } from "./unet-2d-condition.js";
import { autoencoderKLModel } from "./autoencoder-kl.js";
import { autoencoderDCModel } from "./autoencoder-dc.js";
import { autoencoderKLLTXVideoModel } from "./autoencoder-kl-ltx.js";
import { autoencoderKLHunyuanVideoModel } from "./autoencoder-kl-hunyuan-video.js";
import { controlNetModel } from "./controlnet.js";
import { unetSpatioTemporalConditionModel } from "./unet-spatio-temporal.js";
import { autoencoderKLTemporalDecoderModel } from "./autoencoder-kl-temporal-decoder.js";
import { stableCascadeUNetModel } from "./unet-stable-cascade.js";
import { chromaTransformer2DModel, fluxTransformer2DModel } from "./transformer-flux.js";
import { sd3Transformer2DModel } from "./transformer-sd3.js";
import { wanTransformer3DModel } from "./transformer-wan.js";
import { pixArtTransformer2DModel } from "./transformer-pixart.js";
import { sanaTransformer2DModel } from "./transformer-sana.js";
import { lumina2Transformer2DModel } from "./transformer-lumina2.js";
import { qwenImageTransformer2DModel } from "./transformer-qwenimage.js";
import { auraFlowTransformer2DModel } from "./transformer-auraflow.js";
import { hunyuanVideoTransformer3DModel } from "./transformer-hunyuan-video.js";
import { ltxVideoTransformer3DModel } from "./transformer-ltx.js";
import { cogVideoXTransformer3DModel } from "./transformer-cogvideox.js";
import { autoencoderKLCogVideoXModel } from "./autoencoder-kl-cogvideox.js";
import { autoencoderKLQwenImageModel, autoencoderKLWanModel } from "./autoencoder-kl-wan.js";

export const diffusersModels: readonly DiffusersModel[] = [
  ] = [unet2DConditionModel,
  controlNetModel,
  unetSpatioTemporalConditionModel,
  autoencoderKLTemporalDecoderModel,
  stableCascadeUNetModel,
  autoencoderKLModel,
  autoencoderDCModel,
  autoencoderKLLTXVideoModel,
  autoencoderKLHunyuanVideoModel,
  fluxTransformer2DModel,
  chromaTransformer2DModel,
  sd3Transformer2DModel,
  pixArtTransformer2DModel,
  sanaTransformer2DModel,
  lumina2Transformer2DModel,
  qwenImageTransformer2DModel,
  auraFlowTransformer2DModel,
  hunyuanVideoTransformer3DModel,
  ltxVideoTransformer3DModel,
  wanTransformer3DModel,
  cogVideoXTransformer3DModel,
  autoencoderKLCogVideoXModel,
  autoencoderKLWanModel,
  autoencoderKLQwenImageModel,
];
