// The page in a real browser (Debian's Chromium through playwright-core) and the server's API.
import { existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../src/server/server.js";
import { startHubStandIn, type HubStandIn } from "./helpers/hub-stand-in.js";
import { loadReference } from "./helpers/reference.js";
import { tempDir } from "./helpers/temp-dir.js";

const CHROMIUM = "/usr/bin/chromium";
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const STATIC = fileURLToPath(new URL("../dist/web/", import.meta.url));
const ARTIFACTS = fileURLToPath(new URL("../test-artifacts/", import.meta.url));
const TOKEN = "hf_pageReportToken42";
const hub = loadReference("hub-configs.jsonl");
const bert = hub.find((r) => r.id === "google-bert/bert-base-cased")!;
const gpt2 = hub.find((r) => r.id === "openai-community/gpt2")!;

let standIn: HubStandIn;
let server: RunningServer;
let browser: Browser | undefined;

beforeAll(async () => {
  const resnet = hub.find((r) => r.id === "timm/resnet50.a3_in1k")!;
  standIn = await startHubStandIn(
    [
      // `parameters`: what the Hub's search reports for it (safetensors.total), shown as a badge: the reference count.
      { id: "org/gpt2-copy", libraryName: "transformers", downloads: 500, parameters: gpt2.expected.param_count, files: { "config.json": JSON.stringify(gpt2.config) } },
      // 55 discussions before the report: the Hub lists 50 a page, so the report is on the second page (p=1).
      {
        id: "org/many-discussions",
        libraryName: "transformers",
        discussions: [...Array.from({ length: 55 }, (_, i) => `question ${i + 1}`), "[AUTOMATED] Model Memory Requirements"],
        files: { "config.json": JSON.stringify(gpt2.config) },
      },
      { id: "bert-base-cased", files: { "config.json": JSON.stringify(bert.config) } },
      { id: "timm/resnet50.a3_in1k", libraryName: "timm", files: { "config.json": JSON.stringify(resnet.config) } },
    ],
    [TOKEN],
  );
  server = await startServer({
    port: 0,
    host: "127.0.0.1",
    staticDir: STATIC,
    settings: { endpoint: standIn.url, token: undefined, cacheDir: tempDir("em-serve-"), offline: false },
  });
  if (existsSync(CHROMIUM)) {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
    });
  }
  mkdirSync(ARTIFACTS, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server.close();
  await standIn.close();
});

const rowText = async (page: import("playwright-core").Page, dtype: string) =>
  (await page.locator(`[data-testid="memory-table"] tr[data-dtype="${dtype}"] td`).allTextContents()).join(" | ");

describe("the page", () => {
  it("a deep link computes and shows bert-base-cased's table (float32: 86.47 MB | 413.18 MB | 1.61 GB)", async () => {
    expect(browser, "Debian's chromium is required (apt-get install -y chromium)").toBeDefined();
    const page = await browser!.newPage({ viewport: { width: 1100, height: 1400 } });
    await page.goto(`${server.url}/?model=bert-base-cased&dtypes=float32,float16`);
    await page.locator('[data-testid="memory-table"] tr[data-dtype="float32"]').waitFor();
    const [, ll, total, training] = bert.expected.formatted_rows[0]!;
    expect(await rowText(page, "float32")).toBe(`${ll} | ${total} | ${training}`);
    expect(await page.locator('[data-testid="memory-table"] tbody tr').count()).toBe(2);
    // The ASCII table is accelerate's, for the title as typed.
    expect(await page.locator('[data-testid="ascii"]').textContent()).toContain("│float32│   86.47 MB  │413.18 MB │      1.61 GB      │");
    // Changing precisions updates the table and the link.
    await page.locator('[data-testid="dtype-int4"]').check();
    await page.locator('[data-testid="memory-table"] tr[data-dtype="int4"]').waitFor();
    expect(await rowText(page, "int4")).toBe(bert.expected.formatted_rows[3]!.slice(1).join(" | "));
    expect(new URL(page.url()).searchParams.get("dtypes")).toBe("float32,float16,int4");
    await page.screenshot({ path: join(ARTIFACTS, "page-bert-base-cased.png"), fullPage: true });
    await page.close();
  }, 60_000);

  it("reads a model from the Hub in the browser and reports it once to the discussions", async () => {
    expect(browser).toBeDefined();
    const page = await browser!.newPage();
    await page.goto(`${server.url}/`);
    await page.locator('[data-testid="model"]').fill("org/gpt2-copy");
    // Typed key by key: the discussions are checked once, for the token the model was read with, not per keystroke.
    await page.locator('input[name="token"]').pressSequentially(TOKEN);
    await page.locator('[data-testid="submit"]').click();
    await page.locator('[data-testid="memory-table"]').waitFor();
    await page.locator('[data-testid="report"]').waitFor();
    expect(standIn.requests.filter((r) => r.method === "GET" && r.url.startsWith("/api/models/org/gpt2-copy/discussions")).length).toBe(1);
    expect(await rowText(page, "float32")).toBe(gpt2.expected.formatted_rows[0]!.slice(1).join(" | "));
    await page.locator('[data-testid="report"]').click();
    await page.locator('[data-testid="report-done"]').waitFor();
    expect(standIn.discussions.get("org/gpt2-copy")?.map((d) => d.title)).toEqual(["[AUTOMATED] Model Memory Requirements"]);
    expect(standIn.discussions.get("org/gpt2-copy")?.[0]?.description).toContain(`| float32 | ${gpt2.expected.formatted_rows[0]![1]} |`);
    // Reloaded with the discussion present: the button stays hidden.
    await page.reload();
    await page.locator('input[name="token"]').fill(TOKEN);
    await page.locator('[data-testid="model"]').fill("org/gpt2-copy");
    await page.locator('[data-testid="submit"]').click();
    await page.locator('[data-testid="memory-table"]').waitFor();
    await page.locator('[data-testid="report-exists"]').waitFor();
    expect(await page.locator('[data-testid="report"]').count()).toBe(0);
    expect(standIn.discussions.get("org/gpt2-copy")).toHaveLength(1);
    // The token went only to the Hub stand-in.
    expect(standIn.requests.some((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);

    // A report on the second page of the discussions is found: every page is read.
    await page.reload();
    await page.locator('input[name="token"]').fill(TOKEN);
    await page.locator('[data-testid="model"]').fill("org/many-discussions");
    await page.locator('[data-testid="submit"]').click();
    await page.locator('[data-testid="report-exists"]').waitFor();
    expect(standIn.requests.some((r) => r.url === "/api/models/org/many-discussions/discussions?p=1")).toBe(true);
    expect(standIn.discussions.get("org/many-discussions")).toHaveLength(56);
    await page.close();
  }, 60_000);

  it("planner: a deep link shows the verdict, another GPU changes it, the link keeps the state", async () => {
    expect(browser).toBeDefined();
    const page = await browser!.newPage({ viewport: { width: 1100, height: 1500 } });
    await page.goto(`${server.url}/?model=meta-llama/Llama-3.1-8B&mode=inference&seq-len=8192&gpu=RTX%204090%2024GB`);
    const verdict = page.locator('[data-testid="verdict"]');
    await verdict.waitFor();
    // bf16 weights 8,030,261,248 × 2 B = 14.96 GiB, KV cache 2 × 32 layers × 8 kv heads × 128 × 8192 × 2 B = 1.0 GiB,
    // plus activations and overhead: about 17.3 GiB, under the 4090's 24 GiB.
    expect(await verdict.textContent()).toContain("Fits on 1 × RTX 4090 24GB");
    expect(await verdict.getAttribute("data-fits")).toBe("true");
    expect(await page.locator('[data-testid="mode"]').inputValue()).toBe("inference");
    expect(await page.locator('[data-testid="seq-len"]').inputValue()).toBe("8192");
    expect(await page.locator('.legend li[data-part="kv"] b').textContent()).toBe("1.0 GB");
    expect(await page.locator('[data-testid="plan-bar"] .seg').count()).toBeGreaterThanOrEqual(3);
    // The accelerate table is still there, below.
    await page.locator('[data-testid="memory-table"]').waitFor();

    // The searchable picker: a filter with one match picks it. 16 GiB is less than the ≈ 17.3 GiB needed.
    await page.locator('[data-testid="gpu-filter"]').fill("t4 16");
    await page.waitForFunction(() => document.querySelector('[data-testid="verdict"]')?.getAttribute("data-fits") === "false");
    expect(await page.locator('[data-testid="gpu"]').inputValue()).toBe("T4 16GB");
    expect(await verdict.textContent()).toContain("Does not fit on 1 × T4 16GB: needs 2 × T4 16GB");
    let query = new URL(page.url()).searchParams;
    // The link says it as the CLI and the API do (the old `mode=inference` link was read).
    expect([query.get("model"), query.get("inference"), query.get("mode"), query.get("seq-len"), query.get("gpu")]).toEqual(["meta-llama/Llama-3.1-8B", "1", null, "8192", "T4 16GB"]);

    // A bigger GPU, picked from the full list: fits again.
    await page.locator('[data-testid="gpu-filter"]').fill("");
    await page.locator('[data-testid="gpu"]').selectOption("H100 80GB");
    await page.waitForFunction(() => document.querySelector('[data-testid="verdict"]')?.getAttribute("data-fits") === "true");
    expect(await verdict.textContent()).toContain("Fits on 1 × H100 80GB");
    expect(new URL(page.url()).searchParams.get("gpu")).toBe("H100 80GB");

    // QLoRA on the 16 GB T4 (by keyboard: focus the mode select, pick with the arrow keys' equivalent).
    await page.locator('[data-testid="mode"]').selectOption("qlora");
    await page.locator('[data-testid="lora-r"]').fill("16");
    await page.locator('[data-testid="gpu"]').selectOption("T4 16GB");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("lora-r") === "16");
    query = new URL(page.url()).searchParams;
    expect([query.get("train"), query.get("lora-r"), query.get("gpu")]).toEqual(["qlora", "16", "T4 16GB"]);
    expect(await verdict.textContent()).toMatch(/T4 16GB/);
    expect(await page.locator('[data-testid="plan-error"]').count()).toBe(0);
    await page.locator('[data-testid="plan-bar"] .seg-grad, [data-testid="plan-bar"] .seg-opt').first().waitFor();

    // Reading the link back reproduces the state and the answer.
    await page.goto(page.url());
    await verdict.waitFor();
    expect(await page.locator('[data-testid="mode"]').inputValue()).toBe("qlora");
    expect(await page.locator('[data-testid="lora-r"]').inputValue()).toBe("16");
    expect(await page.locator('[data-testid="gpu"]').inputValue()).toBe("T4 16GB");

    // The screenshot the README shows: the 8k-context inference plan on a 4090.
    await page.goto(`${server.url}/?model=meta-llama/Llama-3.1-8B&mode=inference&seq-len=8192&gpu=RTX%204090%2024GB`);
    await verdict.waitFor();
    await page.locator('[data-testid="memory-table"]').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "page-planner.png"), fullPage: true });
    await page.close();

    // Phone width, dark: the same answer, nothing wider than the screen.
    const phone = await browser!.newPage({ viewport: { width: 390, height: 900 }, colorScheme: "dark" });
    await phone.goto(`${server.url}/?model=meta-llama/Llama-3.1-8B&mode=lora&gpu=T4%2016GB`);
    await phone.locator('[data-testid="verdict"]').waitFor();
    await phone.screenshot({ path: join(ARTIFACTS, "page-planner-phone-dark.png"), fullPage: true });
    // Wide tables scroll inside their own boxes; the page itself never scrolls sideways.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await phone.close();
  }, 60_000);

  it("planner: 'What can I run?' opens with the planner's question and plans every shipped config, largest first", async () => {
    expect(browser).toBeDefined();
    const page = await browser!.newPage({ viewport: { width: 1100, height: 1500 } });
    await page.goto(`${server.url}/?model=meta-llama/Llama-3.1-8B&mode=inference&seq-len=8192&gpu=RTX%204090%2024GB`);
    await page.locator('[data-testid="nav-fits"]').click();
    const table = page.locator('[data-testid="fits-table"]');
    await table.locator("tbody tr").first().waitFor({ timeout: 30_000 });
    const models = await table.locator("tbody tr").evaluateAll((els) => els.map((e) => e.getAttribute("data-model")));
    // 8B in bf16 (16.06 GB of weights) + 1 GiB of cache at 8k fits 24 GiB; a 70B model (141 GB of weights) cannot.
    expect(models).toContain("meta-llama/Llama-3.1-8B");
    expect(models).not.toContain("meta-llama/Llama-3.1-70B");
    await page.close();
  }, 60_000);

  it("shows a clear error for a missing model", async () => {
    const page = await browser!.newPage();
    await page.goto(`${server.url}/?model=org/does-not-exist`);
    await page.locator('[data-testid="error"]').waitFor();
    expect(await page.locator('[data-testid="error"]').textContent()).toMatch(/not found on the Hub/);
    await page.close();
  }, 30_000);
});

describe("the page's views", () => {
  type Page = import("playwright-core").Page;
  const open = async (path: string, options: { width?: number; dark?: boolean } = {}) => {
    expect(browser, "Debian's chromium is required (apt-get install -y chromium)").toBeDefined();
    const page = await browser!.newPage({ viewport: { width: options.width ?? 1100, height: 1400 }, colorScheme: options.dark ? "dark" : "light" });
    await page.goto(`${server.url}${path}`);
    return page;
  };
  /** axe-core in the page: the serious and critical violations (WCAG 2 A/AA and best practices), as `rule: targets`. */
  const axeFindings = async (page: Page): Promise<string[]> => {
    if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe;
      const result = await axe.run(document, { resultTypes: ["violations"] });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
    });
    return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.targets.join(" ")}`);
  };

  it("search: the catalog suggests as you type (offline badge), the Hub's search adds its models; arrows and Enter pick", async () => {
    const page = await open("/");
    const box = page.locator('[data-testid="model"]');
    await box.pressSequentially("gpt2");
    // From the shipped catalog, with library, parameter count (the estimator's, 124,439,808 = the reference) and "offline".
    const shipped = page.locator('[data-testid="suggestions"] li[data-id="openai-community/gpt2"]');
    await shipped.waitFor();
    expect(gpt2.expected.param_count).toBe(124439808);
    expect(await shipped.textContent()).toMatch(/transformers.*124M.*offline/);
    // From the Hub stand-in's /api/models?search=gpt2&sort=downloads: not shipped, so no offline badge.
    const fromHub = page.locator('[data-testid="suggestions"] li[data-id="org/gpt2-copy"]');
    await fromHub.waitFor();
    expect(await fromHub.locator('[data-testid="badge-offline"]').count()).toBe(0);
    expect(await fromHub.textContent()).toContain("124M");
    const searches = standIn.requests.filter((r) => r.url.startsWith("/api/models?")).map((r) => new URL(r.url, "http://x").searchParams);
    expect(searches.some((q) => q.get("search") === "gpt2" && q.get("sort") === "downloads")).toBe(true);
    // Once the typing pauses, not per keystroke: no search for "g", "gp" or "gpt".
    expect(searches.filter((q) => ["g", "gp", "gpt"].includes(q.get("search") ?? ""))).toEqual([]);
    // The combobox pattern: the list is announced as expanded; the arrow moves the active option.
    expect(await box.getAttribute("aria-expanded")).toBe("true");
    await box.press("ArrowDown");
    const active = await box.getAttribute("aria-activedescendant");
    expect(await page.locator(`#${active}`).getAttribute("aria-selected")).toBe("true");
    const first = await page.locator(`#${active}`).getAttribute("data-id");
    expect(first).toBe("openai-community/gpt2"); // the name starts with the term: first
    await box.press("Enter");
    await page.locator('[data-testid="memory-table"] tr[data-dtype="float32"]').waitFor();
    expect(await rowText(page, "float32")).toBe(gpt2.expected.formatted_rows[0]!.slice(1).join(" | "));
    expect(await box.getAttribute("aria-expanded")).toBe("false");
    await page.close();
  }, 60_000);

  it("search with the Hub unreachable: the shipped models still come, marked offline", async () => {
    const page = await open("/");
    await page.route(`${standIn.url}/api/models?*`, (route) => route.abort("internetdisconnected"));
    await page.locator('[data-testid="model"]').pressSequentially("llama-3.1-8b");
    await page.locator('[data-testid="hub-offline"]').waitFor();
    const ids = await page.locator('[data-testid="suggestions"] li').evaluateAll((els) => els.map((e) => e.getAttribute("data-id")));
    expect(ids).toContain("meta-llama/Llama-3.1-8B");
    expect(await page.locator('[data-testid="suggestions"] li [data-testid="badge-offline"]').count()).toBe(ids.length);
    await page.close();
  }, 60_000);

  it("what can I run: a 24 GB RTX 4090 at 4096 tokens lists Llama-3.1-8B, not the 70B models, largest first; filters and sorts", async () => {
    const page = await open("/?view=fits");
    await page.locator('[data-testid="fits-run"]').click();
    await page.locator('[data-testid="fits-table"] tbody tr').first().waitFor();
    const ids = await page.locator('[data-testid="fits-table"] tbody tr').evaluateAll((els) => els.map((e) => e.getAttribute("data-model")));
    // bf16 weights of Llama-3.1-8B: 8,030,261,248 × 2 B ≈ 14.96 GiB < 24 GiB; of Llama-3.1-70B: 70.6e9 × 2 B ≈ 131 GiB > 24.
    expect(ids).toContain("meta-llama/Llama-3.1-8B");
    expect(ids).not.toContain("meta-llama/Llama-3.1-70B");
    const params = await page.locator('[data-testid="fits-table"] td[data-col="parameters"]').evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-value"))));
    expect(params).toEqual([...params].sort((a, b) => b - a));
    const row = page.locator('[data-testid="fits-table"] tr[data-model="meta-llama/Llama-3.1-8B"]');
    expect(Number((await row.locator('td[data-col="max-batch"]').textContent())!.replace(/,/g, ""))).toBeGreaterThanOrEqual(1);
    // Filter by family: only llama rows remain.
    await page.locator('[data-testid="fits-family"]').selectOption("llama");
    const families = await page.locator('[data-testid="fits-table"] tbody th .badge').allTextContents();
    expect(new Set(families)).toEqual(new Set(["llama"]));
    // Sort by name, ascending.
    await page.locator('[data-testid="sort-id"]').click();
    const byName = await page.locator('[data-testid="fits-table"] tbody tr').evaluateAll((els) => els.map((e) => e.getAttribute("data-model") ?? ""));
    expect(byName).toEqual([...byName].sort((a, b) => a.localeCompare(b)));
    // The link holds the question in the planner's words, and answers it when opened.
    const link = new URL(page.url()).searchParams;
    expect([link.get("view"), link.get("inference"), link.get("seq-len"), link.get("gpu")]).toEqual(["fits", "1", "4096", "RTX 4090 24GB"]);
    const shared = await open(`/?view=fits&train=qlora&seq-len=1024&gpu=T4%2016GB`);
    await shared.locator('[data-testid="fits-table"] tbody tr').first().waitFor();
    expect(await shared.locator('[data-testid="fits-summary"]').textContent()).toContain("QLoRA at 1,024 tokens on T4 16GB");
    await shared.close();
    // A typed size: 24 GiB asks what the 24 GB card was asked (the Planner counts an NVIDIA context without a GPU).
    await page.locator('[data-testid="fits-family"]').selectOption("");
    await page.locator('[data-testid="fits-memory"]').fill("24 GB");
    await page.locator('[data-testid="fits-run"]').click();
    await page.waitForFunction(() => /on 24(\.0)? GB/.test(document.querySelector('[data-testid="fits-summary"]')?.textContent ?? ""));
    const typed = await page.locator('[data-testid="fits-table"] tbody tr').evaluateAll((els) => els.map((e) => e.getAttribute("data-model")));
    expect(new Set(typed)).toEqual(new Set(ids));
    await page.close();
  }, 120_000);

  it("compare from a link: two models, one table (reference counts and float16 totals), one chart with the GPU line", async () => {
    const page = await open("/?model=openai-community/gpt2&model=meta-llama/Llama-3.1-8B&inference=1&seq-len=8192&gpu=T4%2016GB");
    await page.locator('[data-testid="compare-table"] tbody tr').nth(1).waitFor();
    const llama = hub.find((r) => r.id === "meta-llama/Llama-3.1-8B")!;
    for (const ref of [gpt2, llama]) {
      const row = page.locator(`[data-testid="compare-table"] tr[data-model="${ref.id}"]`);
      expect(await row.locator('[data-col="parameters"]').textContent()).toBe(ref.expected.param_count.toLocaleString("en-US"));
      expect(await row.locator('[data-col="fp16"]').textContent()).toBe(ref.expected.formatted_rows[1]![2]);
    }
    // 124M parameters fit a 16 GB T4 easily; Llama-3.1-8B (≈ 17.3 GiB at 8192 tokens, see the planner test) does not.
    expect(await page.locator('[data-testid="compare-table"] tr[data-model="openai-community/gpt2"] [data-col="fits"]').textContent()).toBe("yes");
    expect(await page.locator('[data-testid="compare-table"] tr[data-model="meta-llama/Llama-3.1-8B"] [data-col="fits"]').textContent()).toBe("no");
    expect(await page.locator('[data-testid="compare-chart"] g[data-bar]').count()).toBe(2);
    await page.locator('[data-testid="compare-chart"] [data-testid="gpu-line"]').waitFor();
    expect(await axeFindings(page)).toEqual([]);
    // A third from the box: "Add to comparison" adds it to the table and to the link.
    await page.locator('[data-testid="model"]').fill("bert-base-cased");
    await page.locator('[data-testid="compare-add"]').click();
    await page.locator('[data-testid="compare-table"] tr[data-model="bert-base-cased"]').waitFor();
    expect(new URL(page.url()).searchParams.getAll("model")).toEqual(["openai-community/gpt2", "meta-llama/Llama-3.1-8B", "bert-base-cased"]);
    expect(await page.locator('[data-testid="compare-table"] tr[data-model="bert-base-cased"] [data-col="parameters"]').textContent()).toBe(bert.expected.param_count.toLocaleString("en-US"));
    await page.close();
  }, 60_000);

  it("plots: memory against context and batch, with the GPU's line and where the KV cache overtakes the weights", async () => {
    const page = await open("/?model=meta-llama/Llama-3.1-8B&inference=1&gpu=H100%2080GB");
    await page.locator('[data-testid="plot-context"] polyline[data-series="kv"]').waitFor();
    await page.locator('[data-testid="plot-batch"] polyline[data-series="total"]').waitFor();
    expect(await page.locator('[data-testid="plot-context"] [data-testid="gpu-line"]').count()).toBe(1);
    // KV per token: 2 × 32 layers × 8 kv heads × 128 × 2 B = 131,072 B; bf16 weights 8,030,261,248 × 2 B: the cache
    // passes them after 16,060,522,496 / 131,072 ≈ 122,532 tokens, so at the 131,072 point of the doubling axis.
    expect(await page.locator('[data-testid="crossover-note"]').textContent()).toContain("from 131,072 tokens");
    // The context axis stops at the model's 131,072 positions: 512 … 131,072 is 9 points.
    const points = await page.locator('[data-testid="plot-context"] polyline[data-series="total"]').getAttribute("points");
    expect(points!.trim().split(" ")).toHaveLength(9);
    await page.close();
  }, 60_000);

  it("accessibility: axe finds nothing serious in light and dark; headings in order; the toggle's state; focus; 320 px", async () => {
    for (const dark of [false, true]) {
      const page = await open("/?model=meta-llama/Llama-3.1-8B&inference=1&seq-len=8192&gpu=RTX%204090%2024GB", { dark });
      await page.locator('[data-testid="verdict"]').waitFor();
      await page.locator('[data-testid="plot-context"]').waitFor();
      expect(await axeFindings(page), dark ? "dark" : "light").toEqual([]);
      // Headings: one h1, no level skipped.
      const levels = await page.locator("h1, h2, h3, h4, h5, h6").evaluateAll((els) => els.map((e) => Number(e.tagName[1])));
      expect(levels[0]).toBe(1);
      expect(levels.every((l, i) => i === 0 || l <= levels[i - 1]! + 1)).toBe(true);
      // No live region inside another.
      expect(await page.locator('[aria-live] [aria-live], [aria-live] [role="status"], [aria-live] [role="alert"], [role="status"] [role="status"]').count()).toBe(0);
      // The theme toggle says its state, and flips it.
      const toggle = page.locator('[data-testid="theme"]');
      expect(await toggle.getAttribute("aria-pressed")).toBe(String(dark));
      await toggle.click();
      expect(await toggle.getAttribute("aria-pressed")).toBe(String(!dark));
      expect(await axeFindings(page), dark ? "toggled to light" : "toggled to dark").toEqual([]);
      // Keyboard focus is visible: the focused control draws an outline.
      await page.locator('[data-testid="model"]').focus();
      await page.keyboard.press("Tab");
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
      expect(outline).not.toBe("none");
      await page.close();

      const fits = await open("/?view=fits", { dark });
      await fits.locator('[data-testid="fits-run"]').click();
      await fits.locator('[data-testid="fits-table"] tbody tr').first().waitFor();
      expect(await axeFindings(fits), dark ? "fits, dark" : "fits, light").toEqual([]);
      await fits.close();
    }
    // 320 px wide (WCAG reflow): nothing scrolls sideways but the tables' own boxes.
    const narrow = await open("/?model=meta-llama/Llama-3.1-8B&inference=1&gpu=T4%2016GB", { width: 320 });
    await narrow.locator('[data-testid="verdict"]').waitFor();
    await narrow.locator('[data-testid="plot-batch"]').waitFor();
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await narrow.screenshot({ path: join(ARTIFACTS, "page-320.png"), fullPage: true });
    await narrow.close();
  }, 180_000);
});

describe("the server", () => {
  it("GET /api/estimate returns the CLI's --json object", async () => {
    const res = await fetch(`${server.url}/api/estimate?model=bert-base-cased&dtypes=float32,int8`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ model: "bert-base-cased", parameters: bert.expected.param_count, totalBytes: bert.expected.total_size_bytes, source: "config" });
    expect(body.rows.map((r: { dtype: string }) => r.dtype)).toEqual(["float32", "int8"]);
  });

  it("bad input: 4xx JSON errors; paths and other hosts refused without a request", async () => {
    const before = standIn.requests.length;
    for (const [query, status] of [
      ["model=/etc/passwd", 400],
      ["model=https://evil.example/org/name", 400],
      ["model=bert-base-cased&dtypes=int3", 400],
      ["", 400],
    ] as const) {
      const res = await fetch(`${server.url}/api/estimate?${query}`);
      expect(res.status, query).toBe(status);
      expect(await res.json()).toEqual({ error: expect.any(String) });
    }
    expect(standIn.requests.length).toBe(before);
    const missing = await fetch(`${server.url}/api/estimate?model=org/missing-model`);
    expect(missing.status).toBe(404);
  });

  it("200 concurrent requests on loopback all succeed", async () => {
    const models = ["bert-base-cased", "timm/resnet50.a3_in1k", "org/gpt2-copy"];
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) => fetch(`${server.url}/api/estimate?model=${models[i % models.length]}&dtypes=float32${i % 3 === 0 ? ",int4" : ""}`)),
    );
    expect(responses.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
    const bodies = await Promise.all(responses.map((r) => r.json()));
    expect(bodies.filter((b) => b.model === "bert-base-cased").every((b) => b.totalBytes === bert.expected.total_size_bytes)).toBe(true);
  }, 60_000);
});
