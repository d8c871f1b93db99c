// The page in a real browser (Debian's Chromium through playwright-core) and the server's API.
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../src/server/server.js";
import { startHubStandIn, type HubStandIn } from "./helpers/hub-stand-in.js";
import { loadReference } from "./helpers/reference.js";
import { tempDir } from "./helpers/temp-dir.js";

const CHROMIUM = "/usr/bin/chromium";
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
      { id: "org/gpt2-copy", files: { "config.json": JSON.stringify(gpt2.config) } },
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
    await page.locator('input[name="token"]').fill(TOKEN);
    await page.locator('[data-testid="submit"]').click();
    await page.locator('[data-testid="memory-table"]').waitFor();
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
    await page.waitForTimeout(300);
    expect(await page.locator('[data-testid="report"]').count()).toBe(0);
    expect(standIn.discussions.get("org/gpt2-copy")).toHaveLength(1);
    // The token went only to the Hub stand-in.
    expect(standIn.requests.some((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);
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
    expect([query.get("model"), query.get("mode"), query.get("seq-len"), query.get("gpu")]).toEqual(["meta-llama/Llama-3.1-8B", "inference", "8192", "T4 16GB"]);

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
    expect([query.get("mode"), query.get("lora-r"), query.get("gpu")]).toEqual(["qlora", "16", "T4 16GB"]);
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

  it("planner: 'What can I run on this GPU?' plans every shipped config in the page, largest first", async () => {
    expect(browser).toBeDefined();
    const page = await browser!.newPage({ viewport: { width: 1100, height: 1500 } });
    await page.goto(`${server.url}/?model=meta-llama/Llama-3.1-8B&mode=inference&seq-len=8192&gpu=RTX%204090%2024GB`);
    await page.locator('[data-testid="fits-button"]').click();
    const table = page.locator('[data-testid="fits-table"]');
    await table.waitFor({ timeout: 30_000 });
    const models = await table.locator("tbody th").allTextContents();
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
