// House rules a reader of the code meets: one file-name style, kebab-case (lower-case words joined by `-`, then
// `.`-separated suffixes such as `.test.ts`; fixtures keep the names of what they copy: Hub ids, README.md); and
// comments that stand on their own, without pointers into the project's private tracker.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../", import.meta.url));
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+)*$/;

function walk(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (rel === "test/fixtures") return [];
    return e.isDirectory() ? [rel, ...walk(rel)] : [rel];
  });
}

describe("file names", () => {
  it.each([
    ["deepseek-v3.ts", true],
    ["plan-validation.cases.ts", true],
    ["index.d.ts", true],
    ["deepseek_v3.ts", false],
    ["planCli.ts", false],
    ["Group-A.ts", false],
    ["double--dash.ts", false],
  ])("kebab-case check: %s → %s", (name, ok) => {
    expect(KEBAB.test(name)).toBe(ok);
  });

  it("every file and folder under src/, test/, web/, scripts/, bench/, bin/ is kebab-case", () => {
    const paths = ["src", "test", "web", "scripts", "bench", "bin"].flatMap(walk);
    expect(paths.length).toBeGreaterThan(100);
    expect(paths.filter((p) => !KEBAB.test(p.split("/").pop() as string))).toEqual([]);
  });
});

// "issue #6", "(#12)", "issue 14": our tracker's numbers mean nothing to a reader of the package. Upstream
// citations name their repository (`owner/repo#66`) and stay.
const TRACKER_REF = /\bissues? ?#\d+|\bissue \d+\b|\(#\d+\)|\b(?:see|in|per|fixes|closes) #\d+\b/i;

describe("comments and documentation", () => {
  it.each([
    ["/** The Planner's answer (issue #6). */", true],
    ["// see #12", true],
    ["// done for issue 14", true],
    ["abetlen/llama-cpp-python#66", false],
    ["color: #fff;", false],
    ["--bg: #111217;", false],
    ["`#${n}` row", false],
  ])("tracker reference check: %s → %s", (line, found) => {
    expect(TRACKER_REF.test(line)).toBe(found);
  });

  it("no file under src/, web/, bin/, docs/ or README.md points into the project's tracker", () => {
    const files = ["src", "web", "bin", "docs"].flatMap(walk).filter((p) => /\.(?:[cm]?[jt]sx?|md|html|css)$/.test(p));
    files.push("README.md");
    const found = files.flatMap((f) =>
      readFileSync(join(root, f), "utf8")
        .split("\n")
        .flatMap((line, i) => (TRACKER_REF.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });
});
