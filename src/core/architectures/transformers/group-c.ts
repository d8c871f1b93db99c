import type { TransformersArchitecture } from "../types.js";
import { albert } from "./albert.js";
import { bigBird } from "./big-bird.js";
import { bertGeneration } from "./bert-generation.js";
import { camembert } from "./camembert.js";
import { data2vecText } from "./data2vec-text.js";
import { electra } from "./electra.js";
import { ernie } from "./ernie.js";
import { fnet } from "./fnet.js";
import { layoutlm } from "./layoutlm.js";
import { lilt } from "./lilt.js";
import { longformer } from "./longformer.js";
import { luke } from "./luke.js";
import { markuplm } from "./markuplm.js";
import { mra, nystromformer, yoso } from "./yoso.js";
import { dpr } from "./dpr.js";
import { tapas } from "./tapas.js";
import { visualBert } from "./visual-bert.js";
import { lxmert } from "./lxmert.js";
import { deberta, debertaV2 } from "./deberta.js";
import { convbert } from "./convbert.js";
import { squeezebert } from "./squeezebert.js";
import { megatronBert } from "./megatron-bert.js";
import { mpnet } from "./mpnet.js";
import { nezha } from "./nezha.js";
import { rembert } from "./rembert.js";
import { robertaPreLayerNorm } from "./roberta-prelayernorm.js";
import { roformer } from "./roformer.js";
import { splinter } from "./splinter.js";
import { xlmRobertaXl } from "./xlm-roberta-xl.js";
import { flaubert, xlm } from "./xlm.js";
import { xmod } from "./xmod.js";

export const groupC: readonly TransformersArchitecture[] = [
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
];
