// The static site (`npm run build:site`): served by a plain file server with no API, the page computes a model
// from the shipped catalog in a real browser (Debian's Chromium through playwright-core), asking nothing of the
// Hub and loading only that model's architecture chunk.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadReference } from "./helpers/reference.js";

const CHROMIUM = "/usr/bin/chromium";
const ROOT = fileURLToPath(new URL("../", import.meta.url));
const bert = loadReference("hub-configs.jsonl").find((r) => r.id === "google-bert/bert-base-cased")!;
const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json" };

let site: string;
let server: Server;
let url: string;
let browser: Browser | undefined;
const served: string[] = [];

beforeAll(async () => {
  site = join(mkdtempSync(join(tmpdir(), "em-site-")), "site");
  execFileSync(process.execPath, ["scripts/build-site.mjs", site], { cwd: ROOT, env: { ...process.env, HF_ENDPOINT: "" } });
  // Any static file server will do: this one maps paths to files and knows four content types, nothing else.
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = normalize(join(site, path === "/" ? "index.html" : path));
    served.push(path);
    if (!file.startsWith(site + sep) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  if (existsSync(CHROMIUM)) {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
    });
  }
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server.close(resolve));
  rmSync(join(site, ".."), { recursive: true, force: true });
});

describe("the static site", () => {
  it("holds the page, its chunks, the catalog and a Space card; the Hub endpoint is filled in", () => {
    for (const f of ["index.html", "app.js", "styles.css", "catalog/index.json", "catalog/configs/google-bert--bert-base-cased.json", "README.md"]) {
      expect(existsSync(join(site, f)), f).toBe(true);
    }
    expect(existsSync(join(site, "sizes.json"))).toBe(false);
    expect(readFileSync(join(site, "index.html"), "utf8")).toContain('<meta name="hub-endpoint" content="https://huggingface.co" />');
    const card = readFileSync(join(site, "README.md"), "utf8").split("\n---\n")[0]!.split("\n");
    expect(card[0]).toBe("---");
    expect(card).toContain("sdk: static");
    expect(card).toContain("app_file: index.html");
  });

  it("computes bert-base-cased from the catalog with only static files: no API, no Hub, BERT's chunk only", async () => {
    expect(browser, "Debian's chromium is required (apt-get install -y chromium)").toBeDefined();
    const page = await browser!.newPage();
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(`${url}/?model=bert-base-cased`);
    await page.locator('[data-testid="memory-table"] tr[data-dtype="float32"]').waitFor();
    const cells = await page.locator('[data-testid="memory-table"] tr[data-dtype="float32"] td').allTextContents();
    expect(cells).toEqual(bert.expected.formatted_rows[0]!.slice(1));
    await page.close();
    expect(requests.filter((r) => !r.startsWith(`${url}/`)), "requests beyond the static server").toEqual([]);
    expect(served.filter((p) => p.startsWith("/api"))).toEqual([]);
    // The architecture chunks fetched: BERT's, and no other family's (llama's chunk exists and stays unloaded).
    const chunks = served.filter((p) => p.startsWith("/chunks/"));
    expect(chunks.some((p) => /^\/chunks\/bert-[A-Z0-9]+\.js$/.test(p))).toBe(true);
    expect(chunks.some((p) => /^\/chunks\/llama-/.test(p))).toBe(false);
  }, 60_000);
});
