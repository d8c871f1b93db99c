// The repository tests, builds and benchmarks itself with nothing beside it: no code under src/, test/, scripts/,
// bench/ (nor bin/ and web/) names the sibling `shared` folder of the machine it was written on, or an absolute
// machine path. Ground truth the tests need is vendored in test/fixtures/ (data, so not scanned: a config.json may
// well hold its author's `_name_or_path`). A line that names such a path without reading it (hostile input sent
// to the server, say) says so with a trailing `// not read: <why>` comment and is skipped.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../", import.meta.url));
const SCANNED = ["src", "test", "scripts", "bench", "bin", "web"];
const SKIPPED = new Set(["test/fixtures", "node_modules", "dist"]);

// Built from pieces so this file's own text does not match them.
const SIBLING = "shared";
const MACHINE_DIRS = ["work", "root", "home", "tmp", "Users", "mnt", "srv", "var", "opt", "data", "private"];
const FORBIDDEN: readonly { what: string; re: RegExp }[] = [
  { what: `../${SIBLING}`, re: new RegExp(String.raw`\.\.[/\\]+` + SIBLING + String.raw`\b`) },
  // the sibling reached through path.join: `join(root, <parent>, <sibling>, ...)`
  { what: `"..", "${SIBLING}"`, re: new RegExp(String.raw`["'\x60]\.\.["'\x60]\s*,\s*["'\x60]` + SIBLING + String.raw`["'\x60]`) },
  // An absolute path on some machine (a home folder, the temp folder, a file URL to one), but not a URL path
  // (`https://host/x/...`) nor a relative one (`../x/`): the samples below show both sides.
  { what: "an absolute machine path", re: new RegExp(String.raw`(?<![\w.~@%-])/(?:` + MACHINE_DIRS.join("|") + String.raw`)/`) },
  { what: "a Windows drive path", re: /(?<![\w\\])[A-Z]:\\\\?[A-Za-z]/ },
];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (SKIPPED.has(rel) || SKIPPED.has(entry.name)) continue;
    if (entry.isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.(?:[cm]?[jt]sx?|py|sh|json|html|css|md)$/.test(entry.name) || !entry.name.includes(".")) out.push(rel);
  }
  return out;
}

function offences(text: string): string[] {
  const found: string[] = [];
  text.split("\n").forEach((line, i) => {
    if (/\/\/ not read: \S/.test(line)) return;
    for (const { what, re } of FORBIDDEN) if (re.test(line)) found.push(`line ${i + 1}: ${what}: ${line.trim()}`);
  });
  return found;
}

describe("the repository stands alone", () => {
  const files = SCANNED.flatMap((d) => sourceFiles(d));

  it("scans the code (sanity: the walk finds this file and the sources)", () => {
    expect(files).toContain("test/self-contained.test.ts");
    expect(files).toContain("test/helpers/reference.ts");
    expect(files.filter((f) => f.startsWith("src/")).length).toBeGreaterThan(50);
  });

  it("no file under src/, test/, scripts/, bench/, bin/, web/ names the sibling folder or a machine path", () => {
    const bad = files.flatMap((f) => offences(readFileSync(join(root, f), "utf8")).map((o) => `${f} ${o}`));
    expect(bad).toEqual([]);
  });

  // The matcher itself must catch what it is for, and leave URLs and relative paths alone. (Samples are built
  // from pieces, like the patterns, so this file does not flag itself.)
  const abs = (dir: string) => `/${dir}/`;
  it.each([
    [`readFileSync(new URL("../../${SIBLING}/reference/x.jsonl", import.meta.url))`, true],
    [`join(root, "..", "${SIBLING}", "reference")`, true],
    [`open('${abs("work")}${SIBLING}/reference/' + f)`, true],
    [`const home = '${abs("home")}alice/.cache/huggingface'`, true],
    [`new URL('file://${abs("tmp")}x.json')`, true],
    [`readFileSync('${abs("root")}configs/a.json')`, true],
    [`const p = "${"C"}:\\Users\\me\\config.json"`, true],
    ["fetch('https://huggingface.co/api/models/home/tmp/resolve/main/config.json')", false],
    ["new URL('../fixtures/reference/', import.meta.url)", false],
    ["join(tmpdir(), 'estimate-memory-')", false],
    ["import { built } from './shared/build.js'", false],
    [`await get("/api/estimate?model=${abs("root")}.ssh"); // not read: a hostile request`, false],
  ])("the check flags %s: %s", (line, flagged) => {
    expect(offences(line).length > 0).toBe(flagged);
  });
});
