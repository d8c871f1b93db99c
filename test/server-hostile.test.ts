// `estimate-memory serve` facing hostile clients, through raw sockets (node:net) so that requests no HTTP client
// would send reach it: bad %-escapes, absolute-form and garbage request lines, 100 kB targets, traversal,
// half-sent requests. After each, the server must still answer. Timeouts are the server's own, set short through
// its options (no sleeping here).
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer, type ServeOptions } from "../src/server/server.js";
import { startHubStandIn, type HubStandIn } from "./helpers/hub-stand-in.js";

const BERT = "google-bert/bert-base-cased";
const bertConfig = readFileSync(new URL("../catalog/configs/google-bert--bert-base-cased.json", import.meta.url), "utf8");
const SECRET = "this file is outside the served folder";

let standIn: HubStandIn;
let tmp: string;
let site: string;
const servers: RunningServer[] = [];

beforeAll(async () => {
  standIn = await startHubStandIn([{ id: BERT, files: { "config.json": bertConfig } }]);
  tmp = mkdtempSync(join(tmpdir(), "em-hostile-"));
  site = join(tmp, "site");
  mkdirSync(site);
  writeFileSync(join(site, "index.html"), "<!doctype html><title>estimate-memory</title>");
  writeFileSync(join(tmp, "secret.txt"), SECRET);
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await standIn.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function serve(extra: Partial<ServeOptions> = {}): Promise<RunningServer> {
  const server = await startServer({
    port: 0,
    host: "127.0.0.1",
    staticDir: site,
    settings: { endpoint: standIn.url, token: undefined, cacheDir: mkdtempSync(join(tmp, "cache-")), offline: false },
    limits: { headersTimeoutMs: 300, requestTimeoutMs: 600, keepAliveTimeoutMs: 300, maxUrlLength: 8192, maxHeaderBytes: 16 * 1024 },
    log: () => {},
    ...extra,
  });
  servers.push(server);
  return server;
}

const portOf = (server: RunningServer) => Number(new URL(server.url).port);

/** Sends bytes as they are and reads until the server closes: the status (0 when none came) and the whole answer. */
function rawRequest(server: RunningServer, data: string | Buffer): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(portOf(server), "127.0.0.1");
    const chunks: Buffer[] = [];
    socket.on("data", (c) => chunks.push(c));
    socket.on("error", (e: NodeJS.ErrnoException) => (e.code === "ECONNRESET" || e.code === "EPIPE" ? undefined : reject(e)));
    socket.on("close", () => {
      const text = Buffer.concat(chunks).toString("latin1");
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text });
    });
    socket.write(data);
  });
}

const get = (server: RunningServer, target: string) => rawRequest(server, `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);

async function stillAnswers(server: RunningServer): Promise<void> {
  const res = await fetch(`${server.url}/api/health`);
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ ok: true });
}

describe("hostile request lines", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await serve();
  });

  it.each([
    ["a bad %-escape after a double slash", "//%zz"],
    ["a truncated UTF-8 %-escape", "/%E0%A4%A"],
    ["a lone %", "/%"],
    ["an encoded NUL", "/index.html%00.js"],
    ["an encoded backslash path", "/..%5c..%5csecret.txt"],
    ["absolute-form", "http://evil/"],
    ["absolute-form for the API", "http://evil/api/estimate?model=google-bert/bert-base-cased"],
    ["authority-form", "evil:443"],
    ["asterisk-form", "*"],
  ])("%s (%s) → 400, and the server still answers", async (_what, target) => {
    const { status, text } = await get(server, target);
    expect(status).toBe(400);
    expect(text).not.toContain(SECRET);
    await stillAnswers(server);
  });

  it.each([
    ["no method or version", "HELLO\r\n\r\n"],
    ["binary garbage", Buffer.from([0x00, 0xff, 0x13, 0x37, 0x0d, 0x0a, 0x0d, 0x0a])],
    ["an unknown HTTP version", "GET / HTTP/9.9\r\nHost: x\r\n\r\n"],
    ["a space in the target", "GET /a b HTTP/1.1\r\nHost: x\r\n\r\n"],
    ["a header without a colon", "GET / HTTP/1.1\r\nHost x\r\n\r\n"],
    ["a negative Content-Length", "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n"],
    ["both Content-Length and chunked (smuggling)", "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"],
  ])("garbage: %s → 400, and the server still answers", async (_what, data) => {
    const { status } = await rawRequest(server, data);
    expect(status).toBe(400);
    await stillAnswers(server);
  });

  it("CONNECT (a proxy request) is not served, and the server still answers", async () => {
    const { status, text } = await rawRequest(server, "CONNECT evil:443 HTTP/1.1\r\nHost: evil:443\r\n\r\n");
    expect([0, 400, 405]).toContain(status);
    expect(text).not.toMatch(/^HTTP\/1\.1 200/);
    await stillAnswers(server);
  });

  it("a 100 kB path is refused by the parser (414: the request line alone is too long)", async () => {
    const { status } = await get(server, `/${"a".repeat(100 * 1024)}`);
    expect(status).toBe(414);
    await stillAnswers(server);
  });

  it("a 10 kB target within the header limit but over the URL limit → 414", async () => {
    const { status } = await get(server, `/api/estimate?model=${"a".repeat(10 * 1024)}`);
    expect(status).toBe(414);
    await stillAnswers(server);
  });

  it("headers over the size limit → 431", async () => {
    const { status } = await rawRequest(server, `GET / HTTP/1.1\r\nHost: x\r\nX-Pad: ${"b".repeat(32 * 1024)}\r\n\r\n`);
    expect(status).toBe(431);
    await stillAnswers(server);
  });

  it("a request announcing a 1 GB body → 413 at once (the body is never waited for)", async () => {
    const { status } = await rawRequest(server, "GET /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000000\r\n\r\nabc");
    expect(status).toBe(413);
    const chunked = await rawRequest(server, "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n");
    expect(chunked.status).toBe(413);
    await stillAnswers(server);
  });

  it("methods other than GET and HEAD → 405", async () => {
    const { status, text } = await rawRequest(server, "DELETE /api/estimate HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    expect(status).toBe(405);
    expect(text).toMatch(/Allow: GET, HEAD/i);
  });
});

describe("traversal out of the served folder", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await serve();
  });

  it("serves what is inside", async () => {
    const { status, text } = await get(server, "/");
    expect(status).toBe(200);
    expect(text).toContain("<title>estimate-memory</title>");
  });

  it.each([
    "/../secret.txt",
    "/../../etc/passwd",
    "/%2e%2e/secret.txt",
    "/%2E%2E%2Fsecret.txt",
    "/..%2fsecret.txt",
    "/%252e%252e/secret.txt",
    "/./../secret.txt",
    "/site/../../secret.txt",
    "/.%2e/secret.txt",
  ])("%s → 404 or 400, never the file", async (target) => {
    const { status, text } = await get(server, target);
    expect([400, 404]).toContain(status);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain("root:");
  });
});

describe("/api/estimate never looks at the server's own files", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await serve();
  });

  const answer = async (model: string) => {
    const res = await fetch(`${server.url}/api/estimate?model=${encodeURIComponent(model)}`);
    return { status: res.status, body: await res.text() };
  };

  it.each([
    [new URL("../package.json", import.meta.url).pathname, "/no/such/package.json"],
    [new URL("../src", import.meta.url).pathname, "/no/such/folder"],
    ["/etc/passwd", "/etc/no-such-passwd"],
    ["./package.json", "./no-such-package.json"],
    ["catalog/index.json", "catalog/no-such-index.json"],
    [new URL("../catalog/configs/google-bert--bert-base-cased.json", import.meta.url).pathname, join(tmpdir(), "no-such-config.json")],
    ["..\\..\\etc\\passwd", "..\\..\\etc\\no-such"],
  ])("%s and %s get the same answer", async (existing, missing) => {
    const a = await answer(existing);
    const b = await answer(missing);
    expect(a.status).toBe(400);
    expect(a).toEqual(b);
    expect(a.body).not.toContain(SECRET);
  });

  it.each(["../../../../../etc/passwd", "/etc/passwd", "main/../../x", "..", "a\\b", ".hidden", "x y"])("revision %j is refused before any Hub request", async (revision) => {
    const before = standIn.requests.length;
    const res = await fetch(`${server.url}/api/estimate?model=${BERT}&revision=${encodeURIComponent(revision)}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/^`revision` .* is not a branch, tag or commit name$/);
    expect(standIn.requests.length).toBe(before);
  });

  it("a Hub-like name that happens to be a folder here goes to the Hub like any other", async () => {
    // `src` and `test` exist in the server's working directory; `srcx` does not: both are asked of the Hub.
    const before = standIn.requests.length;
    const a = await answer("src");
    const b = await answer("srcx");
    expect(a.status).toBe(404);
    expect(b.status).toBe(404);
    expect(a.body.replace("src", "X")).toBe(b.body.replace("srcx", "X"));
    expect(standIn.requests.length).toBeGreaterThan(before);
  });
});

describe("half-sent requests", () => {
  it("held open while other requests are served; the server drops them after its headers timeout", async () => {
    const server = await serve();
    const halves: Socket[] = [];
    const closed: Promise<string>[] = [];
    for (let i = 0; i < 20; i++) {
      const socket = connect(portOf(server), "127.0.0.1");
      socket.on("error", () => {});
      const chunks: Buffer[] = [];
      socket.on("data", (c) => chunks.push(c));
      closed.push(new Promise((resolve) => socket.on("close", () => resolve(Buffer.concat(chunks).toString("latin1")))));
      // A request line and part of a header, never finished.
      socket.write(i % 2 === 0 ? "GET /api/estimate?model=google-bert/bert-base-cased HTTP/1.1\r\nHost: x\r\nX-Slow: " : "GET / HTT");
      halves.push(socket);
    }
    const answers = await Promise.all(Array.from({ length: 10 }, () => fetch(`${server.url}/api/estimate?model=${BERT}&dtypes=float32`)));
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(200));
    const body = (await answers[0]!.json()) as { parameters: number };
    // bert-base-cased: 108,310,272 parameters (accelerate's table, AutoModel), from reference/hub-configs.
    expect(body.parameters).toBe(108_310_272);
    // Each half-sent request is closed by the server (408 or a plain close), none is left hanging.
    const leftovers = await Promise.all(closed);
    for (const text of leftovers) expect(text === "" || /^HTTP\/1\.1 408/.test(text)).toBe(true);
    expect(halves.every((s) => s.destroyed)).toBe(true);
    await stillAnswers(server);
  });
});

describe("errors and limits", () => {
  it("an unexpected error → 500 {error: internal error}, one line on the log without the token", async () => {
    const token = "hf_operatorSecretToken123";
    const lines: string[] = [];
    // A settings object that fails when read stands for any bug below the handler; its message holds the token.
    const settings = {
      get endpoint(): string {
        throw new Error(`endpoint unavailable for ${token}\nsecond line`);
      },
      token,
      cacheDir: mkdtempSync(join(tmp, "cache-")),
      offline: false,
    };
    const server = await serve({ settings, log: (line) => lines.push(line) });
    const res = await fetch(`${server.url}/api/estimate?model=${BERT}`);
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: "internal error" });
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(500);
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).not.toContain(token);
      expect(line).not.toContain("\n");
      expect(line).toMatch(/^estimate-memory serve: internal error: Error: endpoint unavailable for \[token\] second line$/);
    }
    await stillAnswers(server);
  });

  it("caps concurrent Hub requests over all clients", async () => {
    let inFlight = 0;
    let peak = 0;
    // Each Hub request yields to the event loop a few times before it goes out, so uncapped ones would overlap.
    const countingFetch = (async (input: string | URL | Request, init?: RequestInit) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      try {
        for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
        return await fetch(input, init);
      } finally {
        inFlight--;
      }
    }) as typeof fetch;
    const server = await serve({ fetch: countingFetch, limits: { maxHubFetches: 2, headersTimeoutMs: 300, requestTimeoutMs: 600 } });
    // Distinct queries (revisions) so that neither the result cache nor the sharing of identical queries applies.
    const statuses = await Promise.all(Array.from({ length: 12 }, (_, i) => fetch(`${server.url}/api/estimate?model=${BERT}&revision=r${i}`).then((r) => r.status)));
    expect(statuses.every((s) => s === 404)).toBe(true); // the stand-in knows no revision r0…r11
    expect(peak).toBe(2);
  });

  it("beyond the queue: 503 with Retry-After, and the server recovers", async () => {
    const server = await serve({ limits: { maxHubFetches: 1, maxQueuedEstimates: 0, headersTimeoutMs: 300, requestTimeoutMs: 600 } });
    // 1 Hub slot → 4 estimates at once, none queued: of 12 distinct queries sent together, some are refused.
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => fetch(`${server.url}/api/estimate?model=${BERT}&revision=q${i}`)));
    const busy = answers.filter((r) => r.status === 503);
    expect(busy.length).toBeGreaterThan(0);
    expect(busy[0]!.headers.get("retry-after")).toBe("5");
    expect(answers.every((r) => r.status === 503 || r.status === 404)).toBe(true);
    expect((await fetch(`${server.url}/api/estimate?model=${BERT}`)).status).toBe(200);
  });

  it("the same query asked many times at once reaches the Hub once", async () => {
    const server = await serve();
    const before = standIn.requests.filter((r) => r.url.startsWith(`/api/models/${BERT}`)).length;
    const answers = await Promise.all(Array.from({ length: 10 }, () => fetch(`${server.url}/api/estimate?model=${BERT}&dtypes=int4`)));
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(standIn.requests.filter((r) => r.url.startsWith(`/api/models/${BERT}`)).length - before).toBe(1);
  });
});

describe("`estimate-memory serve` as a process", () => {
  /** Starts the built CLI's server on a free port; resolves once it prints its URL. */
  function startCli(args: string[], env: Record<string, string>) {
    const child = spawn(process.execPath, ["bin/estimate-memory.js", "serve", "--port", "0", ...args], {
      env: { PATH: process.env.PATH ?? "", HF_HOME: mkdtempSync(join(tmp, "home-")), HF_ENDPOINT: standIn.url, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (c) => (stderr += c));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const url = new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (c) => {
        stdout += c;
        const m = /serving (http:\/\/\S+?)\/ /.exec(stdout);
        if (m) resolve(m[1] as string);
      });
      void exited.then(() => reject(new Error(`serve exited early: ${stderr}`)));
    });
    return { child, url, exited, output: () => ({ stdout, stderr }) };
  }

  const authorizationsFor = (repo: string, since: number) => standIn.requests.slice(since).filter((r) => r.url.includes(repo)).map((r) => r.authorization);

  it("does not send the operator's HF_TOKEN without --use-token, and stops cleanly on SIGTERM (exit 0)", async () => {
    const since = standIn.requests.length;
    const cli = startCli([], { HF_TOKEN: "hf_operatorToken" });
    const url = await cli.url;
    expect((await fetch(`${url}/api/estimate?model=${BERT}`)).status).toBe(200);
    const auth = authorizationsFor(BERT, since);
    expect(auth.length).toBeGreaterThan(0);
    expect(auth.every((a) => a === undefined)).toBe(true);
    cli.child.kill("SIGTERM");
    expect(await cli.exited).toBe(0);
    expect(cli.output().stderr).toBe("");
    expect(cli.output().stdout).toContain("stopped");
  });

  it("with --use-token, sends it", async () => {
    const since = standIn.requests.length;
    const cli = startCli(["--use-token"], { HF_TOKEN: "hf_operatorToken" });
    const url = await cli.url;
    expect((await fetch(`${url}/api/estimate?model=${BERT}&dtypes=float16`)).status).toBe(200);
    const auth = authorizationsFor(BERT, since);
    expect(auth.length).toBeGreaterThan(0);
    expect(auth.every((a) => a === "Bearer hf_operatorToken")).toBe(true);
    cli.child.kill("SIGTERM");
    expect(await cli.exited).toBe(0);
  });
});
