/**
 * Which model the Planner plans for. accelerate measures what `AutoModel` builds (the backbone, without a head);
 * to run or fine-tune a language model one loads the model with its head, so the Planner takes the
 * architecture's `AutoModelForCausalLM` when it has one (then Seq2SeqLM / SpeechSeq2Seq for encoder-decoders),
 * else the model accelerate built.
 */
import type { ArchitectureLookup } from "../architectures/registry.js";
import type { AutoClass, ModelBuild } from "../architectures/types.js";
import type { PlanModel } from "./plan.js";
import { markTiedOutput } from "../architectures/transformers/shared/model-class.js";

const GENERATIVE_CLASSES: readonly AutoClass[] = [
  "AutoModelForCausalLM",
  "AutoModelForSeq2SeqLM",
  "AutoModelForSpeechSeq2Seq",
  "AutoModelForImageTextToText",
  "AutoModelForVision2Seq",
];

/** Classes that generate text: the KV cache and generation apply. */
const GENERATIVE_NAME = /For(CausalLM|ConditionalGeneration)$|LMHeadModel$/;

/**
 * `requested`: the user named the class (`--model-class`, `--task`): it is planned as built. Tied weights count
 * once here (`sharedInPytorch`), as the real model holds them, whatever accelerate's table says.
 */
export function planModelFor(built: ModelBuild, accelerateTotalBytes: number, lookup: ArchitectureLookup, requested = false): PlanModel {
  const config = built.config;
  if (requested && config) {
    return { module: built.module, noSplitModules: built.noSplitModules, config, generative: GENERATIVE_NAME.test(built.module.cls), accelerateTotalBytes, lookup };
  }
  const modelType = config?.get("model_type");
  const arch = typeof modelType === "string" ? lookup(modelType) : undefined;
  if (config && arch) {
    for (const auto of GENERATIVE_CLASSES) {
      const builder = arch.models[auto];
      if (!builder) continue;
      const head = markTiedOutput(builder(config), config);
      return { module: head.module, noSplitModules: head.noSplitModules, config, generative: true, accelerateTotalBytes, lookup };
    }
  }
  // No head builder here (GPT-2 is built as GPT2Model): the checkpoint's `architectures` still says whether the
  // model generates. An untied head's weights are then missing from the tree (tied heads weigh nothing anyway).
  const declared = config?.get("architectures");
  const names = Array.isArray(declared) ? declared.map(String) : [];
  const generative =
    (config?.bool("is_encoder_decoder") ?? false) ||
    [built.module.cls, ...names].some((n) => GENERATIVE_NAME.test(n));
  return {
    module: built.module,
    noSplitModules: built.noSplitModules,
    ...(config ? { config } : {}),
    generative,
    accelerateTotalBytes,
    lookup,
  };
}
