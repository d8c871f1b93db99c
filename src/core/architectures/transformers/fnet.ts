// transformers/models/fnet/{configuration,modeling}_fnet.py — BERT with the attention replaced by a Fourier transform.
import { layerNorm, linear } from "../../modules/blocks.js";
import { buffer, module, repeat } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { bertPooler } from "./shared/bert-like.js";
import { built } from "./shared/build.js";
import { embeddingsOf, withChildren } from "./shared/bert-variants.js";

export const fnet: TransformersArchitecture = {
  modelType: "fnet",
  source: "transformers/models/fnet/modeling_fnet.py",
  config: {
    modelType: "fnet",
    defaults: {
      vocab_size: 32000,
      hidden_size: 768,
      num_hidden_layers: 12,
      intermediate_size: 3072,
      hidden_act: "gelu_new",
      max_position_embeddings: 512,
      type_vocab_size: 4,
      layer_norm_eps: 1e-12,
      use_tpu_fourier_optimizations: false,
      tpu_short_seq_length: 512,
      pad_token_id: 3,
      bos_token_id: 1,
      eos_token_id: 2,
    },
  },
  models: {
    AutoModel: (c) => {
      const hidden = c.positiveInt("hidden_size");
      const inter = c.int("intermediate_size");
      // The TPU path (up to 4096 positions, scipy present) keeps complex DFT matrices as buffers; FFT holds nothing.
      const dft = c.bool("use_tpu_fourier_optimizations") && c.int("max_position_embeddings") <= 4096;
      const seq = c.int("tpu_short_seq_length");
      const mixing = module("FNetBasicFourierTransform", {
        buffers: {
          dft_mat_hidden: dft && buffer([hidden, hidden], "complex64"),
          dft_mat_seq: dft && buffer([seq, seq], "complex64"),
        },
      });
      // The embeddings end with a hidden→hidden projection after the LayerNorm.
      const embeddings = withChildren(embeddingsOf(c, "FNetEmbeddings"), { projection: linear(hidden, hidden) });
      const layer = module("FNetLayer", {
        children: {
          fourier: module("FNetFourierTransform", {
            children: { self: mixing, output: module("FNetBasicOutput", { children: { LayerNorm: layerNorm(hidden) } }) },
          }),
          intermediate: module("FNetIntermediate", { children: { dense: linear(hidden, inter) } }),
          output: module("FNetOutput", { children: { dense: linear(inter, hidden), LayerNorm: layerNorm(hidden) } }),
        },
      });
      const model = module("FNetModel", {
        children: {
          embeddings,
          encoder: module("FNetEncoder", { children: { layer: repeat(layer, c.int("num_hidden_layers")) } }),
          pooler: bertPooler(c, "FNet"),
        },
      });
      return built(model, null);
    },
  },
};
