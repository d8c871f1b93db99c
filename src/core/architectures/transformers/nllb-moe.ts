// transformers/models/nllb_moe/{configuration,modeling}_nllb_moe.py (4.47)
import { embedding, layerNorm, linear } from "../../modules/blocks.js";
import { checkIndexedLayers, buffer, list, module, type Module } from "../../modules/module.js";
import type { Config } from "../../config/config.js";
import type { TransformersArchitecture } from "../types.js";
import { BART_ATTRIBUTE_MAP, bartAttention } from "./shared/bart-family.js";
import { layerRuns } from "./shared/layer-runs.js";
import { built } from "./shared/build.js";

const P = { prefix: "NllbMoe" };

function denseActDense(d: number, ffn: number): Module {
  return module("NllbMoeDenseActDense", { children: { fc1: linear(d, ffn), fc2: linear(ffn, d) } });
}

/** `NllbMoeSparseMLP`: a top-2 router, then `num_experts` MLPs in a ModuleDict. */
function sparseMlp(c: Config, d: number, ffn: number): Module {
  const experts = c.int("num_experts");
  checkIndexedLayers(experts, "experts (`num_experts`), each its own ModuleDict entry");
  const expert = denseActDense(d, ffn);
  return module("NllbMoeSparseMLP", {
    children: {
      router: module("NllbMoeTop2Router", { children: { classifier: linear(d, experts, c.bool("router_bias")) } }),
      experts: module("ModuleDict", { children: Object.fromEntries(Array.from({ length: experts }, (_, i) => [`expert_${i}`, expert])) }),
    },
  });
}

function stack(c: Config, decoder: boolean): Module {
  const d = c.positiveInt("d_model");
  const side = decoder ? "decoder" : "encoder";
  c.divisible("d_model", `${side}_attention_heads`);
  const ffn = c.int(`${side}_ffn_dim`);
  const step = c.int(`${side}_sparse_step`);
  const sparse = (i: number) => (step > 0 ? (i + 1) % step === 0 : false);
  const layer = (i: number) =>
    module(`NllbMoe${decoder ? "Decoder" : "Encoder"}Layer`, {
      children: {
        self_attn: bartAttention(P, d),
        self_attn_layer_norm: layerNorm(d),
        cross_attention: decoder && bartAttention(P, d),
        cross_attention_layer_norm: decoder && layerNorm(d),
        ffn: sparse(i) ? sparseMlp(c, d, ffn) : denseActDense(d, ffn),
        ff_layer_norm: layerNorm(d),
      },
    });
  const max = c.int("max_position_embeddings");
  return module(`NllbMoe${decoder ? "Decoder" : "Encoder"}`, {
    children: {
      // Its own table with the weight re-pointed at `shared`'s: accelerate's empty init un-ties it.
      embed_tokens: embedding(c.int("vocab_size"), d, "NllbMoeScaledWordEmbedding"),
      embed_positions: module("NllbMoeSinusoidalPositionalEmbedding", { buffers: { weights: buffer([max + 2, d], "float32", false) } }),
      layers: list("ModuleList", ...layerRuns(c.label, c.int(`${side}_layers`), (i) => String(sparse(i)), layer)),
      layer_norm: layerNorm(d),
    },
  });
}

const NO_SPLIT = ["NllbMoeEncoderLayer", "NllbMoeDecoderLayer"];

export const nllbMoe: TransformersArchitecture = {
  modelType: "nllb-moe",
  source: "transformers/models/nllb_moe/modeling_nllb_moe.py",
  config: {
    modelType: "nllb-moe",
    defaults: {
      vocab_size: 128112,
      max_position_embeddings: 1024,
      encoder_layers: 12,
      encoder_ffn_dim: 4096,
      encoder_attention_heads: 16,
      decoder_layers: 12,
      decoder_ffn_dim: 4096,
      decoder_attention_heads: 16,
      activation_function: "relu",
      d_model: 1024,
      scale_embedding: true,
      router_bias: false,
      num_experts: 128,
      encoder_sparse_step: 4,
      decoder_sparse_step: 4,
      expert_capacity: 64,
      is_encoder_decoder: true,
      pad_token_id: 1,
      bos_token_id: 0,
      eos_token_id: 2,
      decoder_start_token_id: 2,
    },
    attributeMap: BART_ATTRIBUTE_MAP,
  },
  models: {
    AutoModel: (c) =>
      built(
        module("NllbMoeModel", {
          children: { shared: embedding(c.int("vocab_size"), c.positiveInt("d_model"), "NllbMoeScaledWordEmbedding"), encoder: stack(c, false), decoder: stack(c, true) },
        }),
        NO_SPLIT,
      ),
  },
};
