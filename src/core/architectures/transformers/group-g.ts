// Architectures newer than transformers 4.47, ported from current transformers (5.x) source.
import type { TransformersArchitecture } from "../types.js";
import { deepseekV3 } from "./deepseek-v3.js";
import { gemma3 } from "./gemma3.js";
import { gemma3Text } from "./gemma3-text.js";
import { gptOss } from "./gpt-oss.js";
import { llama4Text } from "./llama4-text.js";
import { ministral } from "./ministral.js";
import { mistral3 } from "./mistral3.js";
import { qwen3 } from "./qwen3.js";
import { qwen3Moe } from "./qwen3-moe.js";
import { smollm3 } from "./smollm3.js";

export const groupG: readonly TransformersArchitecture[] = [
  qwen3,
  qwen3Moe,
  gemma3Text,
  gemma3,
  deepseekV3,
  gptOss,
  llama4Text,
  mistral3,
  ministral,
  smollm3,
];
