import { UsageError } from "../core/errors.js";

/** A MODEL argument that names something on the Hub. */
export interface HubReference {
  readonly repo: string;
  readonly revision?: string;
  /** A file inside the repo (`/blob/REV/path` URLs): a .gguf or .safetensors to read. */
  readonly path?: string;
}

/**
 * The Hub's own rule for repo ids (huggingface_hub `validate_repo_id`): `name` or `namespace/name`, letters,
 * digits, `-`, `_`, `.`; no `--` or `..`; not ending with `.git`; each part not starting or ending with `-` or `.`,
 * the name at most 96 characters.
 */
export function isValidRepoId(id: string): boolean {
  if (typeof id !== "string" || id.length === 0 || id.length > 193) return false;
  if (!/^(?:[\w.-]+\/)?[\w.-]+$/.test(id)) return false;
  if (id.includes("--") || id.includes("..") || id.endsWith(".git")) return false;
  const parts = id.split("/");
  // REPO_ID_REGEX: `[\w\-.]{1,96}` for the name; namespaces are shorter still on the Hub.
  if (parts.some((part) => part.length > 96)) return false;
  return parts.every((part) => !/^[-.]|[-.]$/.test(part));
}

/**
 * A file name a repo hands us (a `weight_map` shard, a GGUF file or split, `--gguf-file`, a URL's path) must stay
 * inside the repo's folder: relative, no `.` or `..` segment, no empty segment, no backslash, no control
 * character, no `C:`-like first segment — checked as given and once percent-decoded (the rules of
 * @huggingface/hub's `assertSafeShardFilename`).
 */
export function isSafeRepoPath(name: string): boolean {
  if (typeof name !== "string" || name.length === 0 || name.length > 1024) return false;
  let decoded = name;
  for (let i = 0; i < 5; i++) {
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      return false;
    }
    if (next === decoded) break;
    decoded = next;
  }
  return [name, decoded].every((candidate) => {
    if (/[\u0000-\u001f\u007f\\]/.test(candidate) || candidate.startsWith("/")) return false;
    const segments = candidate.split("/");
    if ((segments[0] ?? "").includes(":")) return false;
    return segments.every((s) => s !== "" && s !== "." && s !== "..");
  });
}

/**
 * A revision as the Hub takes it — a branch, a tag (`v1.0`, `refs/pr/1`) or a commit — checked with the rules of
 * git's check-ref-format that keep it a name: no `..`, no leading or trailing `/`, no empty segment or one starting
 * with `.`, no space, control character or `~^:?*[\`. A revision names a file in the cache (`refs/REV`), so one
 * that is not a name never gets that far.
 */
export function isSafeRevision(revision: string): boolean {
  if (typeof revision !== "string" || revision.length === 0 || revision.length > 255) return false;
  if (/[\u0000-\u0020\u007f~^:?*[\\]/.test(revision) || revision.includes("..") || revision.includes("@{")) return false;
  if (revision.endsWith(".") || revision.endsWith(".lock")) return false;
  return revision.split("/").every((segment) => segment !== "" && !segment.startsWith("."));
}

/**
 * Parses `org/name`, `name`, and Hub URLs (`ENDPOINT/org/name`, `…/tree/REV`, `…/blob/REV/path`,
 * `…/resolve/REV/path`). A URL must point at the configured endpoint: tokens and requests never go elsewhere.
 */
export function parseHubReference(input: string, endpoint: string): HubReference {
  if (/^https?:\/\//i.test(input)) {
    let url: URL;
    try {
      url = new URL(input);
    } catch {
      throw new UsageError(`${input} is not a valid URL`);
    }
    const base = new URL(endpoint);
    if (url.host !== base.host) {
      throw new UsageError(`${input} is not on the Hub endpoint ${base.origin} (set HF_ENDPOINT to use another Hub)`);
    }
    let parts: string[];
    try {
      parts = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
    } catch {
      throw new UsageError(`${input} is not a valid URL (bad %-escape)`);
    }
    const basePath = base.pathname.split("/").filter(Boolean);
    parts.splice(0, basePath.length);
    if (parts[0] === "models") parts.shift();
    const [first, second, kind, revision, ...rest] = parts;
    if (!first) throw new UsageError(`${input} does not name a model`);
    const isKind = (p: string | undefined) => p === "tree" || p === "blob" || p === "resolve";
    // A one-part id followed by /tree/… (`/gpt2/tree/main`).
    if (isKind(second)) return parseHubReferenceParts(input, first, second, kind, parts.slice(3));
    const repo = second ? `${first}/${second}` : first;
    return parseHubReferenceParts(input, repo, kind, revision, rest);
  }
  if (!isValidRepoId(input)) throw new UsageError(`${input} is not a valid model id (expected org/name)`);
  return { repo: input };
}

function parseHubReferenceParts(input: string, repo: string, kind: string | undefined, revision: string | undefined, rest: string[]): HubReference {
  if (!isValidRepoId(repo)) throw new UsageError(`${input} does not name a valid model id`);
  if (kind === undefined) return { repo };
  if (!["tree", "blob", "resolve"].includes(kind) || !revision) throw new UsageError(`${input} is not a model page, tree or file URL`);
  const path = rest.join("/");
  if (kind !== "tree" && path && !isSafeRepoPath(path)) throw new UsageError(`${input} names a file outside the repo`);
  return { repo, revision, ...(kind !== "tree" && path ? { path } : {}) };
}

/** `timm/resnet50.a1_in1k` → `resnet50`: the part `timm.create_model` registers, without the pretrained tag. */
export function timmNameFromId(id: string): string | undefined {
  const match = /^timm\/([^./]+)(?:\.[^/]+)?$/.exec(id);
  return match?.[1];
}
