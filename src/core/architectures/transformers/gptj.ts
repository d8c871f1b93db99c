// transformers/models/gptj/{configuration,modeling}_gptj.py (4.47); CodeGen (models/codegen) shares the layout.
import type { Config } from "../../config/config.js";
import { embedding, layerNorm, linear } from "../../modules/blocks.js";
import { module, repeat, type Module } from "../../modules/module.js";
import type { TransformersArchitecture } from "../types.js";
import { built } from "./shared/build.js";
import { GPT2_ATTRIBUTE_MAP } from "./shared/gpt2-like.js";

/** GPT-J and CodeGen differ only in the attention's projections (CodeGen fuses q/k/v). */
function model(c: Config, prefix: "GPTJ" | "CodeGen"): Module {
  const hidden = c.positiveInt("n_embd");
  c.divisible("n_embd", "n_head");
  const inner = c.optionalInt("n_inner") ?? 4 * hidden;
  const attn =
    prefix === "GPTJ"
      ? { k_proj: linear(hidden, hidden, false), v_proj: linear(hidden, hidden, false), q_proj: linear(hidden, hidden, false), out_proj: linear(hidden, hidden, false) }
      : { qkv_proj: linear(hidden, 3 * hidden, false), out_proj: linear(hidden, hidden, false) };
  const block = module(`${prefix}Block`, {
    children: {
      ln_1: layerNorm(hidden),
      attn: module(`${prefix}Attention`, { children: attn }),
      mlp: module(`${prefix}MLP`, { children: { fc_in: linear(hidden, inner), fc_out: linear(inner, hidden) } }),
    },
  });
  return module(`${prefix}Model`, {
    children: { wte: embedding(c.int("vocab_size"), hidden), h: repeat(block, c.int("n_layer")), ln_f: layerNorm(hidden) },
  });
}

function architecture(modelType: string, prefix: "GPTJ" | "CodeGen", extra: Record<string, unknown>): TransformersArchitecture {
  const noSplit = [`${prefix}Block`];
  return {
    modelType,
    source: `transformers/models/${modelType}/modeling_${modelType}.py`,
    config: {
      modelType,
      defaults: {
        vocab_size: 50400,
        n_positions: 2048,
        n_embd: 4096,
        n_layer: 28,
        n_head: 16,
        rotary_dim: 64,
        n_inner: null,
        activation_function: "gelu_new",
        layer_norm_epsilon: 1e-5,
        bos_token_id: 50256,
        eos_token_id: 50256,
        tie_word_embeddings: false,
        ...extra,
      },
      attributeMap: GPT2_ATTRIBUTE_MAP,
    },
    models: {
      AutoModel: (c) => built(model(c, prefix), noSplit),
      AutoModelForCausalLM: (c) => {
        const hidden = c.positiveInt("n_embd");
        const vocab = c.int("vocab_size");
        // A biased head; any tie is by Parameter assignment, undone by accelerate's empty init (see lmHead).
        return built(module(`${prefix}ForCausalLM`, { children: { transformer: model(c, prefix), lm_head: linear(hidden, vocab) } }), noSplit);
      },
    },
  };
}

export const gptj = architecture("gptj", "GPTJ", {});
export const codegen = architecture("codegen", "CodeGen", { n_ctx: 2048 });
