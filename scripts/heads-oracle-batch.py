#!/usr/bin/env python3
"""Writes the oracle batch behind test/fixtures/reference/heads-4.47.jsonl (see ORIGIN.md there):

    python3 scripts/heads-oracle-batch.py > heads-batch.jsonl
    python3 ORACLE/oracle.py --batch heads-batch.jsonl > test/fixtures/reference/heads-4.47.jsonl

1. every head class transformers 4.47 registers for a model_type of the default-config reference
   (test/fixtures/reference/transformers-default-configs.jsonl), built from that default config with
   `--model-class CLASS`;
2. shipped catalog configs: accelerate's own choice (auto_map) and classes users ask for, with real labels.
"""
import json
import os
import re

ROOT = os.path.join(os.path.dirname(__file__), "..")
CLASSES = open(os.path.join(ROOT, "src/core/architectures/transformers/shared/model-classes.ts")).read()
MODEL_CLASSES = json.loads(re.search(r"MODEL_CLASSES: .*? = (\{.*?\});\n", CLASSES).group(1))
INDEX = json.load(open(os.path.join(ROOT, "catalog/index.json")))


def emit(line):
    print(json.dumps(line))


for text in open(os.path.join(ROOT, "test/fixtures/reference/transformers-default-configs.jsonl")):
    record = json.loads(text)
    seen = set()
    for auto, cls in MODEL_CLASSES.get(record["id"], {}).items():
        if auto == "AutoModel" or cls in seen:
            continue
        seen.add(cls)
        emit({"id": f"{record['id']}/{cls}", "library": "transformers", "config": record["config"], "model_class": cls,
              "source": f"{record['source']} ; --model-class {cls}"})


def catalog(model_id):
    model_id = INDEX["aliases"].get(model_id, model_id)
    return json.load(open(os.path.join(ROOT, "catalog/configs", INDEX["models"][model_id]["file"])))


def add(model_id, model_class=None, config=None, library="transformers", note=""):
    line = {"id": model_id, "library": library, "config": config if config is not None else catalog(model_id),
            "source": f"catalog/configs of estimate-memory{note}" + (f"; --model-class {model_class}" if model_class else "; accelerate's own choice")}
    if model_class:
        line["model_class"] = model_class
    emit(line)


add("tiiuae/falcon-7b-instruct")
add("tiiuae/falcon-40b")
add("microsoft/Phi-3.5-mini-instruct")
add("meta-llama/Llama-3.1-8B", "LlamaForCausalLM")
add("meta-llama/Llama-3.1-8B", "LlamaForSequenceClassification")
add("Qwen/Qwen2.5-0.5B", "Qwen2ForCausalLM")
add("Qwen/Qwen2.5-0.5B", "Qwen2ForTokenClassification")
add("mistralai/Mistral-7B-v0.1", "MistralForSequenceClassification")
add("openai-community/gpt2", "GPT2LMHeadModel")
add("openai-community/gpt2", "GPT2ForQuestionAnswering")
add("facebook/bart-large-mnli", "BartForSequenceClassification")
add("cross-encoder/ms-marco-MiniLM-L-6-v2", "BertForSequenceClassification")
add("BAAI/bge-reranker-base", "XLMRobertaForSequenceClassification")
add("google/vit-base-patch16-224", "ViTForImageClassification")
add("microsoft/resnet-50", "ResNetForImageClassification")
add("facebook/convnext-tiny-224", "ConvNextForImageClassification")
add("microsoft/swin-tiny-patch4-window7-224", "SwinForImageClassification")
add("distilbert/distilbert-base-uncased", "DistilBertForSequenceClassification")
add("google-bert/bert-base-cased", "BertForMaskedLM")
ner = dict(catalog("google-bert/bert-base-cased"))
ner["id2label"] = {str(i): f"L{i}" for i in range(9)}
ner["label2id"] = {f"L{i}": i for i in range(9)}
add("bert-base-cased-9-labels", "BertForTokenClassification", ner, note=" (bert-base-cased with a 9-label id2label)")
add("FacebookAI/roberta-large", "RobertaForQuestionAnswering")
add("google-t5/t5-small", "T5ForConditionalGeneration")
add("google/flan-t5-base", "T5ForConditionalGeneration")
# timm: pretrained configs with num_classes 0 build without a head, as timm.create_model does.
for name in ["timm/vit_base_patch14_dinov2.lvd142m", "timm/vit_base_patch16_224.dino", "timm/vit_base_patch16_siglip_224.webli", "timm/vit_base_patch32_224.orig_in21k"]:
    add(name, library="timm")
