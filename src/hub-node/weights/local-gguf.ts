// Local .gguf files: the header, read with @huggingface/gguf after our own bounds checks (node:fs).
import { closeSync, fstatSync, openSync, readSync, statSync } from "node:fs";
import { InvalidConfigError } from "../../core/errors.js";
import { MAX_GGUF_KV, MAX_GGUF_TENSORS, tensorsFromGguf, type GgufHeader } from "../../hub/weights/gguf.js";

/**
 * Reads a local .gguf file's header with @huggingface/gguf and checks it against our bounds. Whatever the file
 * holds (truncated, bit-flipped, hostile), the result is its tensors or an `InvalidConfigError`.
 */
export async function readLocalGguf(path: string): Promise<GgufHeader> {
  checkGgufCounts(path);
  const { gguf } = await import("@huggingface/gguf");
  let parsed: Awaited<ReturnType<typeof gguf>>;
  try {
    parsed = await gguf(path, { allowLocalFile: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidConfigError(`${path} is not a readable GGUF file (${reason.slice(0, 200)})`);
  }
  // The library reads past the end of a file as zeros: a header that ends beyond the file is a cut download.
  const size = statSync(path).size;
  if (Number(parsed.tensorDataOffset) > size) throw new InvalidConfigError(`${path}: the GGUF header ends past the end of the file (${size} bytes): a cut download?`);
  const kv = Number(parsed.metadata.kv_count);
  if (!(kv <= MAX_GGUF_KV)) throw new InvalidConfigError(`${path}: the GGUF header declares ${kv} key/values (over ${MAX_GGUF_KV})`);
  const arch = parsed.metadata["general.architecture"];
  return {
    tensors: tensorsFromGguf(parsed.tensorInfos, path),
    // A name for the class column, nothing more: a long or odd one is dropped rather than printed.
    architecture: typeof arch === "string" && /^[\w.-]{1,64}$/.test(arch) ? arch : undefined,
  };
}

/** The fewest bytes one tensor info / one key-value pair takes in any GGUF version (empty name, one byte of value). */
const MIN_TENSOR_INFO_BYTES = 16;
const MIN_KV_BYTES = 9;

/**
 * Checks the tensor and key/value counts at the start of a local GGUF file before @huggingface/gguf walks them:
 * it reads past the end of a file as zeros, so a forged count of a few million in a 200-byte file would take
 * seconds and "succeed" with millions of empty tensors. A count the file is too small to hold is refused here.
 */
function checkGgufCounts(path: string): void {
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(24);
    const read = readSync(fd, head, 0, 24, 0);
    if (read < 24 || head.toString("latin1", 0, 4) !== "GGUF") return; // the library names what is wrong
    let version = head.readUInt32LE(4);
    const le = (version & 0xffff) !== 0;
    if (!le) version = head.readUInt32BE(4);
    const u64 = (at: number) => Number(le ? head.readBigUInt64LE(at) : head.readBigUInt64BE(at));
    const u32 = (at: number) => (le ? head.readUInt32LE(at) : head.readUInt32BE(at));
    const [tensors, kv] = version === 1 ? [u32(8), u32(12)] : [u64(8), u64(16)];
    if (tensors > MAX_GGUF_TENSORS) throw new InvalidConfigError(`${path}: the GGUF header declares ${tensors} tensors (over ${MAX_GGUF_TENSORS})`);
    if (kv > MAX_GGUF_KV) throw new InvalidConfigError(`${path}: the GGUF header declares ${kv} key/values (over ${MAX_GGUF_KV})`);
    if (tensors * MIN_TENSOR_INFO_BYTES + kv * MIN_KV_BYTES > size) {
      throw new InvalidConfigError(`${path}: the GGUF header declares ${tensors} tensors and ${kv} key/values, more than its ${size} bytes can hold`);
    }
  } finally {
    closeSync(fd);
  }
}
