import { createRequire } from "node:module";
import { existsSync, mkdirSync, readFileSync, renameSync, symlinkSync, writeFileSync, copyFileSync, rmSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { isSafeRevision } from "../hub/model-ref.js";

/**
 * huggingface_hub's cache layout, so that files Python tools cached are found here and the reverse:
 * `models--org--name/blobs/<etag>`, `snapshots/<commit>/<path>` (a relative symlink to the blob) and
 * `refs/<revision>` holding the commit.
 */
export function repoFolder(cacheDir: string, repo: string): string {
  return join(cacheDir, `models--${repo.split("/").join("--")}`);
}

const COMMIT = /^[0-9a-f]{40}$/;

/** The snapshot path of `path` for `revision`, if cached (no request made). */
export function cachedFile(cacheDir: string, repo: string, revision: string, path: string): string | undefined {
  if (!isSafeRevision(revision)) return undefined;
  const folder = repoFolder(cacheDir, repo);
  let commit = revision;
  if (!COMMIT.test(revision)) {
    try {
      commit = readFileSync(join(folder, "refs", revision), "utf8").trim();
    } catch {
      return undefined;
    }
  }
  const file = join(folder, "snapshots", commit, path);
  return isInside(join(folder, "snapshots", commit), file) && existsSync(file) ? file : undefined;
}

/** The commit a cached revision points at. */
export function cachedCommit(cacheDir: string, repo: string, revision: string): string | undefined {
  if (COMMIT.test(revision)) return revision;
  if (!isSafeRevision(revision)) return undefined;
  try {
    return readFileSync(join(repoFolder(cacheDir, repo), "refs", revision), "utf8").trim();
  } catch {
    return undefined;
  }
}

// node:crypto costs a seventh of a bare node's start-up to load; only storing a file from the Hub needs it.
let crypto: typeof import("node:crypto") | undefined;

/** The etag the Hub gives a regular (non-LFS) file: its git blob id. */
export function gitBlobId(content: Uint8Array): string {
  crypto ??= createRequire(import.meta.url)("node:crypto") as typeof import("node:crypto");
  return crypto.createHash("sha1").update(`blob ${content.byteLength}\0`).update(content).digest("hex");
}

function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel !== "" && !rel.startsWith("..") && !rel.startsWith("/");
}

/** Stores a small file (config.json, an index) fetched at `commit`, as huggingface_hub would. */
export function storeFile(
  cacheDir: string,
  repo: string,
  entry: { revision: string; commit: string; path: string; content: Uint8Array; etag?: string },
): string {
  // Revision and commit name folders and files in the cache: both must be names, never paths out of it.
  if (!isSafeRevision(entry.revision) || !isSafeRevision(entry.commit)) throw new Error(`refusing to cache ${entry.path}: unsafe revision`);
  const folder = repoFolder(cacheDir, repo);
  const etag = entry.etag ?? gitBlobId(entry.content);
  const blob = join(folder, "blobs", etag);
  const snapshotRoot = join(folder, "snapshots", entry.commit);
  const pointer = join(snapshotRoot, entry.path);
  if (!isInside(snapshotRoot, pointer) || !/^[\w.-]+$/.test(etag)) throw new Error(`refusing to cache ${entry.path}: unsafe name`);
  mkdirSync(dirname(blob), { recursive: true });
  mkdirSync(dirname(pointer), { recursive: true });
  if (!existsSync(blob)) {
    const incomplete = `${blob}.incomplete`;
    writeFileSync(incomplete, entry.content);
    renameSync(incomplete, blob);
  }
  if (!existsSync(pointer)) {
    try {
      symlinkSync(relative(dirname(pointer), blob), pointer);
    } catch {
      // Filesystems without symlinks: huggingface_hub falls back to a copy too.
      rmSync(pointer, { force: true });
      copyFileSync(blob, pointer);
    }
  }
  if (entry.revision !== entry.commit) {
    mkdirSync(join(folder, "refs", dirname(entry.revision)), { recursive: true });
    writeFileSync(join(folder, "refs", entry.revision), entry.commit);
  }
  return pointer;
}
