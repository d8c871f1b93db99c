// IdeficsModel (transformers/models/idefics/modeling_idefics.py 4.47) for HuggingFaceM4/idefics-80b-instruct, checked
// against accelerate's own test (tests/test_cli.py `test_no_split_modules` in huggingface/accelerate: the largest layer
// is 3240165632 bytes with `_no_split_modules`, 721420288 without) and a hand count of the model card's "80 billion".
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { estimate } from "../src/core/estimate-all.js";

// The checkpoint's config.json: IdeficsConfig defaults under the model card's values (LLaMA-65B text side, 80 layers,
// a gated cross-attention block every 4th layer, OpenCLIP ViT-H/14 vision side, a 64-latent perceiver resampler, and
// the card's "layer normalization after the projected queries and keys of both the Perceiver and cross-attention").
const IDEFICS_80B = {
  model_type: "idefics",
  architectures: ["IdeficsForVisionText2Text"],
  vocab_size: 32000,
  additional_vocab_size: 2,
  hidden_size: 8192,
  intermediate_size: 22016,
  num_hidden_layers: 80,
  num_attention_heads: 64,
  cross_layer_interval: 4,
  qk_layer_norms: true,
  rms_norm_eps: 1e-5,
  alpha_initializer: "zeros",
  alpha_type: "float",
  hidden_act: "silu",
  freeze_text_layers: false,
  freeze_vision_layers: false,
  use_resampler: true,
  tie_word_embeddings: false,
  vision_config: { embed_dim: 1280, image_size: 224, intermediate_size: 5120, patch_size: 14, num_attention_heads: 16, num_hidden_layers: 32 },
  perceiver_config: { resampler_depth: 6, resampler_head_dim: 96, resampler_n_heads: 16, resampler_n_latents: 64, qk_layer_norms_perceiver: true },
};

const [V, X, H, I, L, hd, every] = [32000, 2, 8192, 22016, 80, 128, 4];
const [D, VI, VL, positions] = [1280, 5120, 32, (224 / 14) ** 2 + 1];
const [depth, inner, latents] = [6, 16 * 96, 64];

// Each attention (self or cross) keeps an IdeficsEmbedding: inv_freq [hd/2] and cos/sin caches [2048, hd], float32.
const rotaryBytes = (hd / 2 + 2 * 2048 * hd) * 4;
const decoderLayer = 4 * H * H + 3 * H * I + 2 * H; // q/k/v/o, gate/up/down, two RMSNorms
const crossLayer = 2 * H * H + 2 * D * H + 2 * hd + 3 * H * I + 2 * H + 2; // q/o, k/v from vision, qk norms, MLP, norms, 2 alphas
const visionLayer = 4 * (D * D + D) + 2 * 2 * D + (D * VI + VI) + (VI * D + D);
const vision = D + 3 * 14 * 14 * D + positions * D + 2 * D + VL * visionLayer + 2 * D; // class, patch conv, positions, pre-LN, layers, post-LN
const perceiverBlock = 2 * 2 * D + 2 * 2 * 96 + 3 * D * inner + inner * D + (2 * D + D * 4 * D + 4 * D * D);
const perceiver = latents * D + depth * perceiverBlock + 2 * D;
const total = (V + X) * H + vision + perceiver + L * decoderLayer + (L / every) * crossLayer + H;

describe("idefics (HuggingFaceM4/idefics-80b-instruct)", () => {
  const result = estimate(IDEFICS_80B, { model: "HuggingFaceM4/idefics-80b-instruct" });

  it("builds IdeficsModel with its no-split classes", () => {
    expect(result.modelClass).toBe("IdeficsModel");
    expect(result.noSplitModules).toEqual(["IdeficsDecoderLayer", "IdeficsGatedCrossAttentionLayer"]);
  });

  it("finds accelerate's largest layer: a whole IdeficsDecoderLayer with its rotary caches", () => {
    expect(decoderLayer * 4 + rotaryBytes).toBe(3_240_165_632);
    expect(result.largestLayer.bytes).toBe(3_240_165_632);
    expect(result.largestLayer.names[0]).toBe("layers.0");
    expect(result.largestLayer.names).toHaveLength(L);
    // Split into leaves it would be one MLP projection, accelerate's "without no_split" figure.
    expect(H * I * 4).toBe(721_420_288);
  });

  it("counts the model card's 80 billion parameters", () => {
    expect(result.parameters).toBe(total);
    expect(Number((result.parameters / 1e9).toFixed(0))).toBe(80);
    expect(result.bufferBytes).toBe((L + L / every) * rotaryBytes + positions * 8); // + vision position_ids (int64)
  });

  // When the catalog carries the checkpoint's own config.json, it must give accelerate's number too.
  const catalog = fileURLToPath(new URL("../catalog/configs/HuggingFaceM4--idefics-80b-instruct.json", import.meta.url));
  it.skipIf(!existsSync(catalog))("gives the same numbers from the catalog's config.json", () => {
    const raw = JSON.parse(readFileSync(catalog, "utf8")) as Record<string, unknown>;
    const fromCatalog = estimate(raw, { model: "HuggingFaceM4/idefics-80b-instruct" });
    expect(fromCatalog.largestLayer.bytes).toBe(3_240_165_632);
    expect(fromCatalog.parameters).toBe(total);
  });
});
