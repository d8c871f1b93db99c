import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import type { AddressInfo } from "node:net";
import { isEstimateError, UsageError, ModelNotFoundError, UnsupportedArchitectureError, InvalidConfigError, ConfigParseError } from "../core/errors.js";
import { GatedRepoError, HubUnreachableError, RepoNotFoundError, HubError } from "../hub/errors.js";
import type { HubSettings } from "../hub/settings.js";
import { estimateFromQuery } from "./estimate-request.js";

export interface ServeOptions {
  readonly port?: number;
  readonly host?: string;
  readonly settings: HubSettings;
  /** The built page (dist/web). */
  readonly staticDir: string;
}

export interface RunningServer {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

/** The HTTP status an error deserves: the client's mistakes are 4xx; a Hub that cannot answer is 502. */
export function statusFor(error: unknown): number {
  if (error instanceof GatedRepoError) return 403;
  if (error instanceof RepoNotFoundError || error instanceof ModelNotFoundError) return 404;
  if (error instanceof HubUnreachableError) return 502;
  if (error instanceof HubError) return error.statusCode === 429 ? 429 : 502;
  if (error instanceof UnsupportedArchitectureError || error instanceof InvalidConfigError || error instanceof ConfigParseError) return 422;
  if (error instanceof UsageError) return 400;
  return isEstimateError(error) ? 400 : 500;
}

/** Small LRU of finished estimates: the same deep link shared widely should not hit the Hub each time. */
class ResultCache {
  private readonly entries = new Map<string, { at: number; body: string }>();
  constructor(
    private readonly max = 500,
    private readonly ttlMs = 5 * 60_000,
  ) {}
  get(key: string): string | undefined {
    const hit = this.entries.get(key);
    if (!hit || Date.now() - hit.at > this.ttlMs) return undefined;
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit.body;
  }
  set(key: string, body: string): void {
    this.entries.set(key, { at: Date.now(), body });
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
  }
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { "Content-Type": type, "Content-Length": String(Buffer.byteLength(body)), "X-Content-Type-Options": "nosniff", ...extra });
  res.end(body);
}

async function serveStatic(req: IncomingMessage, res: ServerResponse, root: string, settings: HubSettings): Promise<void> {
  const url = new URL(req.url ?? "/", "http://x");
  const path = decodeURIComponent(url.pathname);
  const file = normalize(join(root, path === "/" ? "index.html" : path));
  if (!file.startsWith(normalize(root + sep)) && file !== normalize(root)) {
    send(res, 404, "not found", "text/plain");
    return;
  }
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error("not a file");
    let body: Buffer | string = await readFile(file);
    if (file.endsWith("index.html")) {
      // The page talks to the Hub itself; tell it which one (HF_ENDPOINT), as huggingface_hub would use.
      body = body.toString("utf8").replace("__HUB_ENDPOINT__", settings.endpoint.replace(/[<>"&]/g, ""));
    }
    send(res, 200, body, TYPES[extname(file)] ?? "application/octet-stream", { "Cache-Control": file.endsWith(".html") ? "no-cache" : "public, max-age=300" });
  } catch {
    send(res, 404, "not found", "text/plain");
  }
}

/** `estimate-memory serve`: the page, its assets, and `GET /api/estimate` (the CLI's --json object). */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const cache = new ResultCache();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    if (req.method !== "GET" && req.method !== "HEAD") {
      send(res, 405, JSON.stringify({ error: "only GET" }), "application/json");
      return;
    }
    if (url.pathname === "/api/estimate") {
      const key = url.searchParams.toString();
      const hit = cache.get(key);
      if (hit) {
        send(res, 200, hit, "application/json");
        return;
      }
      estimateFromQuery(url.searchParams, options.settings).then(
        (result) => {
          const body = JSON.stringify(result);
          cache.set(key, body);
          send(res, 200, body, "application/json");
        },
        (error: unknown) => {
          const status = statusFor(error);
          const message = isEstimateError(error) ? error.message.split("\n")[0] : "internal error";
          send(res, status, JSON.stringify({ error: message }), "application/json");
        },
      );
      return;
    }
    if (url.pathname === "/api/health") {
      send(res, 200, JSON.stringify({ ok: true, rss: process.memoryUsage().rss }), "application/json");
      return;
    }
    void serveStatic(req, res, options.staticDir, options.settings);
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 7860, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
