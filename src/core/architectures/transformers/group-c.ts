// Group C: the BERT family and its relatives (encoders with BERT-style embeddings and layers).
import type { TransformersArchitecture } from "../types.js";
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
  rocBert,
  ernieM,
  bros,
  mobilebert,
  layoutlmv3,
  canine,
  ibert,
];
