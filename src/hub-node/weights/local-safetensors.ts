// Local .safetensors files (and their index): headers only, read with node:fs.
import { closeSync, openSync, readSync, statSync, readFileSync } from "node:fs";
import { dirname, join, relative, isAbsolute } from "node:path";
import { InvalidConfigError } from "../../core/errors.js";
import { parseConfigJson } from "../../core/config/parse-json.js";
import type { StoredTensor } from "../../core/weights/tensors.js";
import { isSafeRepoPath } from "../../hub/model-ref.js";
import { MAX_SAFETENSORS_HEADER, tensorsFromHeader } from "../../hub/weights/safetensors.js";

/** Reads only the header of a local .safetensors file: 8 bytes of length, then that much JSON. */
export function readLocalSafetensors(path: string): StoredTensor[] {
  const size = statSync(path).size;
  const fd = openSync(path, "r");
  try {
    const prefix = Buffer.alloc(8);
    if (readSync(fd, prefix, 0, 8, 0) !== 8) throw new InvalidConfigError(`${path} is too short to be a safetensors file`);
    const length = prefix.readBigUInt64LE(0);
    if (length > BigInt(MAX_SAFETENSORS_HEADER)) {
      throw new InvalidConfigError(`${path}: safetensors header of ${length} bytes is over the format's 100 MB limit`);
    }
    const n = Number(length);
    if (n === 0 || 8 + n > size) throw new InvalidConfigError(`${path}: safetensors header length ${n} does not fit the file`);
    const text = Buffer.alloc(n);
    readSync(fd, text, 0, n, 8);
    return tensorsFromHeader(parseConfigJson(text.toString("utf8"), path), path, size - 8 - n);
  } finally {
    closeSync(fd);
  }
}

/** A local `model.safetensors.index.json`: the header of every shard its `weight_map` names (inside its folder only). */
export function readLocalSafetensorsIndex(indexPath: string): StoredTensor[] {
  const index = parseConfigJson(readFileSync(indexPath, "utf8"), indexPath) as { weight_map?: Record<string, unknown> };
  const map = index?.weight_map;
  if (!map || typeof map !== "object") throw new InvalidConfigError(`${indexPath} has no weight_map`);
  const folder = dirname(indexPath);
  const shards = new Set<string>();
  for (const file of Object.values(map)) {
    if (typeof file !== "string" || !isSafeRepoPath(file) || isAbsolute(file) || relative(folder, join(folder, file)).startsWith("..")) {
      throw new InvalidConfigError(`${indexPath}: weight_map names a file outside its folder`);
    }
    shards.add(file);
  }
  return [...shards].flatMap((file) => readLocalSafetensors(join(folder, file)));
}
