// transformers/models/openai/{configuration,modeling}_openai.py (4.47)
import type { Config } from "../../config/config.js";
import { conv1DTransposed, embedding, layerNorm, positionIdsBuffer } from "../../modules/blocks.js";
import { buffer, module, repeat, type Module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { GPT2_ATTRIBUTE_MAP } from "./shared/gpt2-like.js";
import { lmHead } from "./shared/fairseq-decoder.js";

function model(c: Config): Module {
  const hidden = c.positiveInt("n_embd");
  c.divisible("n_embd", "n_head");
  const positions = c.int("n_positions");
  const block = module("Block", {
    children: {
      attn: module("Attention", {
        // Unlike GPT-2, the causal mask here is a float tensor.
        buffers: { bias: buffer([1, 1, positions, positions], "float32", false) },
        children: { c_attn: conv1DTransposed(3 * hidden, hidden), c_proj: conv1DTransposed(hidden, hidden) },
      }),
      ln_1: layerNorm(hidden),
      mlp: module("MLP", { children: { c_fc: conv1DTransposed(4 * hidden, hidden), c_proj: conv1DTransposed(hidden, 4 * hidden) } }),
      ln_2: layerNorm(hidden),
    },
  });
  return module("OpenAIGPTModel", {
    buffers: { position_ids: { ...positionIdsBuffer(positions), shape: [positions] } },
    children: {
      tokens_embed: embedding(c.int("vocab_size"), hidden),
      positions_embed: embedding(positions, hidden),
      h: repeat(block, c.int("n_layer")),
    },
  });
}

export const openaiGpt: TransformersArchitecture = {
  modelType: "openai-gpt",
  source: "transformers/models/openai/modeling_openai.py",
  config: {
    modelType: "openai-gpt",
    defaults: {
      vocab_size: 40478,
      n_positions: 512,
      n_embd: 768,
      n_layer: 12,
      n_head: 12,
      afn: "gelu",
      layer_norm_epsilon: 1e-5,
      summary_type: "cls_index",
      summary_use_proj: true,
      summary_activation: null,
      summary_proj_to_labels: true,
    },
    attributeMap: GPT2_ATTRIBUTE_MAP,
  },
  models: {
    AutoModel: (c) => built(model(c), null),
    AutoModelForCausalLM: (c) =>
      built(
        module("OpenAIGPTLMHeadModel", {
          children: { transformer: model(c), lm_head: lmHead(c.positiveInt("n_embd"), c.int("vocab_size")) },
        }),
        null,
      ),
  },
};
