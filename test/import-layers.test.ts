// The layers, checked on the sources' import statements: core is pure and isomorphic; src/hub (browser-safe)
// and the page reach no node:* module; the CLI and the server never import each other (except the CLI loading the
// server on demand for `serve`); and no import circle joins two folders.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

interface Import {
  readonly specifier: string;
  readonly dynamic: boolean;
  readonly typeOnly: boolean;
}

/** The text with comments blanked (strings kept), so commented-out or documented imports are not counted. */
function stripComments(source: string): string {
  let out = "";
  let i = 0;
  let quote: string | undefined;
  while (i < source.length) {
    const c = source[i] as string;
    const next = source[i + 1];
    if (quote) {
      out += c;
      if (c === "\\") {
        out += next ?? "";
        i += 2;
        continue;
      }
      if (c === quote) quote = undefined;
      i++;
      continue;
    }
    if (c === '"' || c === "'" || c === "`") {
      quote = c;
      out += c;
      i++;
    } else if (c === "/" && next === "/") {
      while (i < source.length && source[i] !== "\n") i++;
    } else if (c === "/" && next === "*") {
      const end = source.indexOf("*/", i + 2);
      i = end === -1 ? source.length : end + 2;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

export function importsOf(source: string): Import[] {
  const text = stripComments(source);
  const found: Import[] = [];
  for (const m of text.matchAll(/(?:^|[;\n}])\s*(import|export)(\s+type)?\s+(?:[^;'"`]*?\s+from\s*)?["']([^"']+)["']/g)) {
    found.push({ specifier: m[3] as string, dynamic: false, typeOnly: m[2] !== undefined });
  }
  for (const m of text.matchAll(/\bimport\s*\(\s*["']([^"']+)["']\s*\)/g)) found.push({ specifier: m[1] as string, dynamic: true, typeOnly: false });
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith(".d.ts"))
    .map((f) => join(dir, f));
}

/** `src/core/plan/plan.ts` → `core`; `web/app.tsx` → `web`; `src/node.ts` → `entry`. */
function layerOf(file: string): string {
  const parts = file.split(/[\\/]/);
  if (parts[0] === "web") return "web";
  return parts.length > 2 ? (parts[1] as string) : "entry";
}

const FILES = [...sourceFiles("src"), ...sourceFiles("web")];

interface Edge {
  readonly from: string;
  readonly to: string;
  readonly import: Import;
}

/** Every import of every file, resolved to a repository path for relative ones (`.js` → `.ts`/`.tsx`). */
const EDGES: Edge[] = FILES.flatMap((file) =>
  importsOf(readFileSync(join(ROOT, file), "utf8")).map((imp) => {
    if (!imp.specifier.startsWith(".")) return { from: file, to: imp.specifier, import: imp };
    const target = relative(ROOT, resolve(dirname(join(ROOT, file)), imp.specifier)).replace(/\.js$/, "");
    const to = FILES.find((f) => f === `${target}.ts` || f === `${target}.tsx`) ?? target;
    return { from: file, to, import: imp };
  }),
);

const local = (e: Edge) => e.import.specifier.startsWith(".");

describe("the import scanner", () => {
  it("finds static, type-only, re-exported, multi-line and dynamic imports, and skips comments", () => {
    const found = importsOf(
      [
        'import { a } from "./a.js";',
        'import type { B } from "../b.js";',
        'export { c } from "./c.js";',
        "import {\n  d,\n  e,\n} from 'node:fs';",
        'import "./side-effect.js";',
        'const x = await import("../server/server.js");',
        '// import { no } from "./commented.js";',
        '/* export * from "./also-commented.js"; */',
        'const s = "import { not } from \\"./in-a-string.js\\"";',
      ].join("\n"),
    );
    expect(found).toEqual([
      { specifier: "./a.js", dynamic: false, typeOnly: false },
      { specifier: "../b.js", dynamic: false, typeOnly: true },
      { specifier: "./c.js", dynamic: false, typeOnly: false },
      { specifier: "node:fs", dynamic: false, typeOnly: false },
      { specifier: "./side-effect.js", dynamic: false, typeOnly: false },
      { specifier: "../server/server.js", dynamic: true, typeOnly: false },
    ]);
  });

  it("reads the repository (the rules below are not vacuous)", () => {
    expect(FILES.length).toBeGreaterThan(100);
    expect(EDGES.some((e) => layerOf(e.from) === "cli" && layerOf(e.to) === "server" && e.import.dynamic)).toBe(true);
    expect(EDGES.some((e) => layerOf(e.from) === "server" && layerOf(e.to) === "app")).toBe(true);
  });
});

describe("layers", () => {
  it("src/core imports only src/core: no node:*, no package, nothing outside", () => {
    const bad = EDGES.filter((e) => layerOf(e.from) === "core" && (!local(e) || layerOf(e.to) !== "core"));
    expect(bad.map((e) => `${e.from} → ${e.import.specifier}`)).toEqual([]);
  });

  it("src/hub (browser-safe) imports no node:* and nothing from hub-node, app, cli or server", () => {
    const bad = EDGES.filter((e) => layerOf(e.from) === "hub" && (e.to.startsWith("node:") || (local(e) && !["core", "hub"].includes(layerOf(e.to)))));
    expect(bad.map((e) => `${e.from} → ${e.import.specifier}`)).toEqual([]);
  });

  it("the server never imports the CLI, nor the application layer the CLI or the server", () => {
    const bad = EDGES.filter((e) => local(e) && ((layerOf(e.from) === "server" && layerOf(e.to) === "cli") || (layerOf(e.from) === "app" && ["cli", "server", "web"].includes(layerOf(e.to)))));
    expect(bad.map((e) => `${e.from} → ${e.import.specifier}`)).toEqual([]);
  });

  it("the CLI reaches the server only by a dynamic import (to start `serve`)", () => {
    const bad = EDGES.filter((e) => layerOf(e.from) === "cli" && layerOf(e.to) === "server" && !e.import.dynamic);
    expect(bad.map((e) => `${e.from} → ${e.import.specifier}`)).toEqual([]);
  });

  it("no import circle between folders (static imports; the CLI's on-demand server aside)", () => {
    const graph = new Map<string, Set<string>>();
    for (const e of EDGES) {
      if (!local(e) || e.import.dynamic) continue;
      const [a, b] = [layerOf(e.from), layerOf(e.to)];
      if (a !== b) graph.set(a, new Set([...(graph.get(a) ?? []), b]));
    }
    const cycles: string[] = [];
    const visit = (node: string, path: string[]) => {
      for (const next of graph.get(node) ?? []) {
        if (path.includes(next)) cycles.push([...path.slice(path.indexOf(next)), next].join(" → "));
        else visit(next, [...path, next]);
      }
    };
    for (const node of graph.keys()) visit(node, [node]);
    expect(cycles).toEqual([]);
  });

  /** Files reached from `entry` through local imports (dynamic ones included), and the imports that break the rule. */
  function reach(entry: string): { reached: Set<string>; bad: string[] } {
    const reached = new Set<string>([entry]);
    const queue = [entry];
    const bad: string[] = [];
    while (queue.length > 0) {
      const file = queue.shift() as string;
      for (const e of EDGES.filter((x) => x.from === file)) {
        if (e.to.startsWith("node:") || ["hub-node", "cli", "server"].includes(layerOf(e.to)) || e.to === "src/node.ts") bad.push(`${file} → ${e.import.specifier}`);
        if (local(e) && FILES.includes(e.to) && !reached.has(e.to)) {
          reached.add(e.to);
          queue.push(e.to);
        }
      }
    }
    return { reached, bad };
  }

  it("everything the page loads (web/app.tsx and its imports, dynamic ones included) is free of node:* and of Node-only folders", () => {
    const { reached, bad } = reach("web/app.tsx");
    expect(bad).toEqual([]);
    // The page does use the application layer (options, estimate) and the browser-safe Hub code.
    expect([...reached].some((f) => f.startsWith("src/app/"))).toBe(true);
    expect([...reached].some((f) => f.startsWith("src/hub/"))).toBe(true);
  });

  it("the library entry (src/index.ts, the package's `.`) is free of node:* too", () => {
    const { reached, bad } = reach("src/index.ts");
    expect(bad).toEqual([]);
    expect(reached.size).toBeGreaterThan(20);
  });
});
