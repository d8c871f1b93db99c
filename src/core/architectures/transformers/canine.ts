// transformers/models/canine/{configuration,modeling}_canine.py — character-level: hashed embeddings, downsampling.
import { conv1d, embedding, layerNorm, positionIdsBuffer } from "../../modules/blocks.js";
import { checkIndexedLayers, module, repeat } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { BERT_DEFAULTS, bertLayer, bertPooler } from "./shared/bert-like.js";
import { built } from "./shared/build.js";

export const canine: TransformersArchitecture = {
  modelType: "canine",
  source: "transformers/models/canine/modeling_canine.py",
  config: {
    modelType: "canine",
    defaults: {
      ...BERT_DEFAULTS,
      max_position_embeddings: 16384,
      type_vocab_size: 16,
      bos_token_id: 0xe000,
      eos_token_id: 0xe001,
      downsampling_rate: 4,
      upsampling_kernel_size: 4,
      num_hash_functions: 8,
      num_hash_buckets: 16384,
      local_transformer_stride: 128,
    },
  },
  models: {
    AutoModel: (c) => {
      const hidden = c.positiveInt("hidden_size");
      const hashes = c.positiveInt("num_hash_functions");
      checkIndexedLayers(hashes, "hash embeddings (`num_hash_functions`)");
      const buckets = c.int("num_hash_buckets");
      const maxPositions = c.int("max_position_embeddings");
      const layer = bertLayer(c, "Canine");
      // The initial and final character encoders are single-layer copies (a deep-copied config with 1 layer).
      const encoder = (layers: number) => module("CanineEncoder", { children: { layer: repeat(layer, layers) } });
      const hashTables = Object.fromEntries(
        Array.from({ length: hashes }, (_, i) => [`HashBucketCodepointEmbedder_${i}`, embedding(buckets, Math.floor(hidden / hashes))]),
      );
      const rate = c.positiveInt("downsampling_rate");
      const model = module("CanineModel", {
        children: {
          char_embeddings: module("CanineEmbeddings", {
            children: {
              ...hashTables,
              char_position_embeddings: embedding(buckets, hidden),
              token_type_embeddings: embedding(c.int("type_vocab_size"), hidden),
              LayerNorm: layerNorm(hidden),
            },
            buffers: { position_ids: positionIdsBuffer(maxPositions) },
          }),
          initial_char_encoder: encoder(1),
          chars_to_molecules: module("CharactersToMolecules", {
            children: { conv: conv1d(hidden, hidden, rate, { stride: rate }), LayerNorm: layerNorm(hidden) },
          }),
          encoder: encoder(c.int("num_hidden_layers")),
          projection: module("ConvProjection", {
            children: { conv: conv1d(2 * hidden, hidden, c.positiveInt("upsampling_kernel_size")), LayerNorm: layerNorm(hidden) },
          }),
          final_char_encoder: encoder(1),
          pooler: bertPooler(c, "Canine"),
        },
      });
      return built(model, null);
    },
  },
};
