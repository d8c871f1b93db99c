// One file-name style across the code: kebab-case (lower-case words joined by `-`, then `.`-separated suffixes
// such as `.test.ts`). Fixtures keep the names of what they copy (Hub ids, README.md).
import { readdirSync } from "node:fs";
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
