#!/usr/bin/env bash
# Re-measures test/fixtures/activations/*.jsonl with the oracle kit's activation mode (real transformers on CPU,
# saved-tensor hooks): ORACLE_KIT=/path/to/oracle bash scripts/measure-activations.sh
# The kit is not part of this repository; its README describes the method and the environments.
set -euo pipefail
: "${ORACLE_KIT:?set ORACLE_KIT to the oracle kit folder (the one holding oracle.py)}"
here="$(cd "$(dirname "$0")/.." && pwd)"
cfg="$here/test/fixtures/activations/configs"
out="$here/test/fixtures/activations"
run() { local file="$1"; shift; python3 "$ORACLE_KIT/oracle.py" --activations "$@" >>"$out/$file"; }
rm -f "$out"/*.jsonl
no_dropout_bert=(--set attention_probs_dropout_prob=0.0 --set hidden_dropout_prob=0.0)
# llama-like decoder: fp32 and bf16, eager vs sdpa, with and without checkpointing
run llama.jsonl --config "$cfg/llama.json" --id tiny-llama --batch 2 --seq 64,128 --attn-implementation eager,sdpa
run llama.jsonl --config "$cfg/llama.json" --id tiny-llama --batch 2 --seq 64,128 --attn-implementation eager,sdpa --dtype bfloat16
run llama.jsonl --config "$cfg/llama.json" --id tiny-llama --batch 2 --seq 64,128 --attn-implementation eager,sdpa --gradient-checkpointing
run llama-inference.jsonl --config "$cfg/llama.json" --id tiny-llama --inference --batch 1,2 --seq 128 --attn-implementation eager,sdpa
# BERT encoder: dropout 0 (eager vs sdpa, checkpointing) and BERT's default dropout 0.1 (eager: CPU's SDPA falls back to math)
run bert.jsonl --config "$cfg/bert.json" --id tiny-bert --batch 2 --seq 64,128 --attn-implementation eager,sdpa "${no_dropout_bert[@]}"
run bert.jsonl --config "$cfg/bert.json" --id tiny-bert --batch 2 --seq 64,128 --attn-implementation eager,sdpa --gradient-checkpointing "${no_dropout_bert[@]}"
run bert.jsonl --config "$cfg/bert.json" --id tiny-bert-dropout --batch 2 --seq 64,128 --attn-implementation eager
# ViT: 64×64 images, patch 8 (65 tokens), and 128×128 (257 tokens)
run vit.jsonl --config "$cfg/vit.json" --id tiny-vit --batch 2 --attn-implementation eager,sdpa
run vit.jsonl --config "$cfg/vit.json" --id tiny-vit-128 --batch 2 --set image_size=128 --attn-implementation eager,sdpa
# T5 encoder-decoder (eager only in transformers)
run t5.jsonl --config "$cfg/t5.json" --id tiny-t5 --batch 2 --seq 32,64 --attn-implementation eager
# transformers CNNs: ResNet (bottleneck) and ConvNeXt, 64×64 images
run cnn.jsonl --config "$cfg/resnet.json" --id tiny-resnet --batch 2 --image-size 64 --attn-implementation eager
run cnn.jsonl --config "$cfg/convnext.json" --id tiny-convnext --batch 2 --image-size 64 --attn-implementation eager
