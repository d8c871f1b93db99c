import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseConfigJson } from "../core/config/parse-json.js";
import { ModelNotFoundError, InvalidConfigError } from "../core/errors.js";
import type { Library } from "../core/estimate.js";

/** A MODEL argument resolved to the config that describes it. */
export interface ResolvedModel {
  /** The name as the user gave it: accelerate's table title uses it verbatim. */
  readonly name: string;
  readonly config: unknown;
  /** Where the config came from: a path, or "catalog:<id>". */
  readonly origin: string;
  readonly library?: Library;
  /** For `timm/NAME.TAG` ids: the registered model name. */
  readonly timmModelName?: string;
}

/** config.json files larger than this are not configs (the largest real ones are a few hundred kB). */
export const MAX_CONFIG_BYTES = 10 * 1024 * 1024;

export function readConfigFile(path: string): unknown {
  const size = statSync(path).size;
  if (size > MAX_CONFIG_BYTES) throw new InvalidConfigError(`${path} is ${size} bytes: larger than the 10 MB a config may be`);
  return parseConfigJson(readFileSync(path, "utf8"), path);
}

export function looksLikePath(model: string): boolean {
  return model.startsWith(".") || model.startsWith("/") || model.endsWith(".json") || model.includes("\\");
}

/** `timm/resnet50.a1_in1k` → `resnet50`: the part `timm.create_model` registers, without the pretrained tag. */
export function timmNameFromId(id: string): string | undefined {
  const match = /^timm\/([^./]+)(?:\.[^/]+)?$/.exec(id);
  return match?.[1];
}

/** A config.json path, or a folder holding one. */
export function resolveLocalPath(model: string): ResolvedModel {
  const stat = statSync(model);
  const path = stat.isDirectory() ? join(model, "config.json") : model;
  if (!existsSync(path)) throw new ModelNotFoundError(`${model} has no config.json`);
  return { name: model, config: readConfigFile(path), origin: path };
}
