// transformers/models/gpt_neo/{configuration,modeling}_gpt_neo.py (4.47)
import type { Config } from "../../config/config.js";
import { InvalidConfigError } from "../../errors.js";
import { embedding, layerNorm, linear } from "../../modules/blocks.js";
import { module, repeat, type Module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { lmHead } from "./shared/fairseq-decoder.js";
import { causalMaskBuffers } from "./gpt-neox.js";

function model(c: Config): Module {
  const hidden = c.positiveInt("hidden_size");
  c.divisible("hidden_size", "num_heads");
  const inner = c.optionalInt("intermediate_size") ?? 4 * hidden;
  // Global and local layers hold the same tensors (local only masks differently), so one block serves both.
  const block = module("GPTNeoBlock", {
    children: {
      ln_1: layerNorm(hidden),
      attn: module("GPTNeoAttention", {
        children: {
          attention: module("GPTNeoSelfAttention", {
            buffers: causalMaskBuffers(c.int("max_position_embeddings")),
            children: {
              k_proj: linear(hidden, hidden, false),
              v_proj: linear(hidden, hidden, false),
              q_proj: linear(hidden, hidden, false),
              out_proj: linear(hidden, hidden, true),
            },
          }),
        },
      }),
      ln_2: layerNorm(hidden),
      mlp: module("GPTNeoMLP", { children: { c_fc: linear(hidden, inner), c_proj: linear(inner, hidden) } }),
    },
  });
  return module("GPTNeoModel", {
    children: {
      wte: embedding(c.int("vocab_size"), hidden),
      wpe: embedding(c.int("max_position_embeddings"), hidden),
      h: repeat(block, c.int("num_layers")),
      ln_f: layerNorm(hidden),
    },
  });
}

/** GPTNeoConfig expands `attention_types` ([[kinds, repeat], …]) into one kind per layer and checks the count. */
function deriveAttentionLayers(c: Config): void {
  // Counted first (an absurd repeat costs nothing), expanded only once it matches `num_layers`.
  const entries: [unknown[], number][] = [];
  let count = 0;
  for (const entry of c.list("attention_types")) {
    if (!Array.isArray(entry) || !Array.isArray(entry[0]) || typeof entry[1] !== "number") continue;
    // Python's range(): an integer, and an empty loop when negative.
    if (!Number.isSafeInteger(entry[1])) throw new InvalidConfigError(`${c.label}: \`attention_types\` repeats must be integers`, "attention_types");
    const repeats = Math.max(0, entry[1]);
    entries.push([entry[0] as unknown[], repeats]);
    count += entry[0].length * repeats;
  }
  if (count !== c.int("num_layers")) {
    throw new InvalidConfigError(
      `${c.label}: \`attention_types\` describes ${count} layers but \`num_layers\` is ${c.int("num_layers")}`,
      "attention_types",
    );
  }
  // The list is informational (every layer holds the same tensors): past a real model's depth it is not spelt out.
  if (count <= 100_000) c.set("attention_layers", entries.flatMap(([kinds, n]) => Array.from({ length: n }, () => kinds).flat()));
}

const NO_SPLIT = ["GPTNeoBlock"];

export const gptNeo: TransformersArchitecture = {
  modelType: "gpt_neo",
  source: "transformers/models/gpt_neo/modeling_gpt_neo.py",
  config: {
    modelType: "gpt_neo",
    defaults: {
      vocab_size: 50257,
      max_position_embeddings: 2048,
      hidden_size: 2048,
      num_layers: 24,
      attention_types: [[["global", "local"], 12]],
      num_heads: 16,
      intermediate_size: null,
      window_size: 256,
      activation_function: "gelu_new",
      layer_norm_epsilon: 1e-5,
      bos_token_id: 50256,
      eos_token_id: 50256,
    },
    attributeMap: { num_attention_heads: "num_heads", num_hidden_layers: "num_layers" },
    derive: deriveAttentionLayers,
  },
  models: {
    AutoModel: (c) => built(model(c), NO_SPLIT),
    AutoModelForCausalLM: (c) =>
      built(
        module("GPTNeoForCausalLM", {
          children: { transformer: model(c), lm_head: lmHead(c.positiveInt("hidden_size"), c.int("vocab_size")) },
        }),
        NO_SPLIT,
      ),
  },
};
