/**
 * Which model the Planner plans for: the class that runs. accelerate measures what `AutoModel` builds (the
 * backbone, without a head); a checkpoint is run through the class its config declares (`architectures[0]`:
 * `BertForMaskedLM`, `LlamaForCausalLM`, `…ForSequenceClassification`), so the Planner builds that class when the
 * architecture has it; otherwise the architecture's `AutoModelForCausalLM` (then Seq2SeqLM / SpeechSeq2Seq /
 * image-text-to-text), else the model accelerate built.
 */
import type { ArchitectureLookup } from "../architectures/registry.js";
import { markTiedOutput } from "../architectures/transformers/shared/model-class.js";
import type { AutoClass, ModelBuild } from "../architectures/types.js";
import type { PlanModel } from "./context.js";

const GENERATIVE_CLASSES: readonly AutoClass[] = [
  "AutoModelForCausalLM",
  "AutoModelForSeq2SeqLM",
  "AutoModelForSpeechSeq2Seq",
  "AutoModelForImageTextToText",
  "AutoModelForVision2Seq",
];

/** A declared class's Auto classes (by transformers' naming), whether it decodes, whether its loss is over a vocabulary. */
const DECLARED: readonly { readonly suffix: RegExp; readonly autos: readonly AutoClass[]; readonly generative: boolean; readonly vocabLoss: boolean }[] = [
  { suffix: /(ForCausalLM|LMHeadModel)$/, autos: ["AutoModelForCausalLM"], generative: true, vocabLoss: true },
  { suffix: /ForConditionalGeneration$/, autos: ["AutoModelForSeq2SeqLM", "AutoModelForSpeechSeq2Seq", "AutoModelForImageTextToText", "AutoModelForVision2Seq"], generative: true, vocabLoss: true },
  { suffix: /ForMaskedLM$/, autos: ["AutoModelForMaskedLM"], generative: false, vocabLoss: true },
  { suffix: /ForSequenceClassification$/, autos: ["AutoModelForSequenceClassification"], generative: false, vocabLoss: false },
  { suffix: /ForTokenClassification$/, autos: ["AutoModelForTokenClassification"], generative: false, vocabLoss: false },
  { suffix: /ForQuestionAnswering$/, autos: ["AutoModelForQuestionAnswering"], generative: false, vocabLoss: false },
  { suffix: /ForImageClassification$/, autos: ["AutoModelForImageClassification"], generative: false, vocabLoss: false },
];

/**
 * `requested`: the user named the class (`--model-class`, `--task`): it is planned as built. Tied weights count
 * once (`sharedInPytorch`, and the planner's own tie check), as the real model holds them, whatever accelerate's
 * table says.
 */
export function planModelFor(
  built: ModelBuild,
  accelerateTotalBytes: number,
  lookup: ArchitectureLookup,
  extra: { imageSize?: number; requested?: boolean } = {},
): PlanModel {
  const config = built.config;
  const modelType = config?.get("model_type");
  const arch = typeof modelType === "string" ? lookup(modelType) : undefined;
  const declared = config?.get("architectures");
  const names = Array.isArray(declared) ? declared.map(String) : [];
  const image = extra.imageSize !== undefined ? { imageSize: extra.imageSize } : {};
  if (extra.requested && config) {
    const cls = built.module.cls;
    const kind = DECLARED.find((d) => d.suffix.test(cls));
    return { module: built.module, noSplitModules: built.noSplitModules, config, generative: kind?.generative ?? false, vocabLoss: kind?.vocabLoss ?? false, accelerateTotalBytes, lookup, ...image };
  }
  if (config && arch) {
    const first = names[0];
    const kind = first ? DECLARED.find((d) => d.suffix.test(first)) : undefined;
    for (const auto of kind?.autos ?? []) {
      const builder = arch.models[auto];
      if (!builder) continue;
      const head = markTiedOutput(builder(config), config);
      if (head.module.cls !== first) continue; // another class of the same Auto family: not what the checkpoint runs
      return { module: head.module, noSplitModules: head.noSplitModules, config, generative: kind?.generative ?? false, vocabLoss: kind?.vocabLoss ?? false, accelerateTotalBytes, lookup, ...image };
    }
    // An encoder-decoder (BART, Pegasus) runs as its seq2seq class, though it also registers a decoder-only CausalLM.
    const order = config.get("is_encoder_decoder") === true ? [...GENERATIVE_CLASSES.slice(1, 3), GENERATIVE_CLASSES[0]!, ...GENERATIVE_CLASSES.slice(3)] : GENERATIVE_CLASSES;
    for (const auto of order) {
      const builder = arch.models[auto];
      if (!builder) continue;
      const head = markTiedOutput(builder(config), config);
      return { module: head.module, noSplitModules: head.noSplitModules, config, generative: true, vocabLoss: true, accelerateTotalBytes, lookup, ...image };
    }
  }
  // No head builder here (GPT-2 is built as GPT2Model): the checkpoint's `architectures` still says whether the
  // model generates. An untied head's weights are then missing from the tree (tied heads weigh nothing anyway).
  const generative =
    (config?.bool("is_encoder_decoder") ?? false) ||
    [built.module.cls, ...names].some((n) => /For(CausalLM|ConditionalGeneration)$|LMHeadModel$/.test(n));
  return {
    module: built.module,
    noSplitModules: built.noSplitModules,
    ...(config ? { config } : {}),
    generative,
    vocabLoss: generative || names.some((n) => /ForMaskedLM$/.test(n)),
    accelerateTotalBytes,
    lookup,
    ...image,
  };
}
