import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, relative, resolve, isAbsolute } from "node:path";
import type { AddressInfo, Socket } from "node:net";
import { isEstimateError, UsageError, ModelNotFoundError, UnsupportedArchitectureError, InvalidConfigError, ConfigParseError } from "../core/errors.js";
import { GatedRepoError, HubUnreachableError, RepoNotFoundError, HubError } from "../hub/errors.js";
import type { HubSettings } from "../hub/settings.js";
import { errorMessage } from "../app/option-names.js";
import { estimateFromQuery, parseEstimateQuery } from "./estimate-request.js";
import { Limiter, ServerBusyError } from "./limiter.js";

/** What one client may cost the server. Defaults suit a public Space; tests pass small ones. */
export interface ServerLimits {
  /** Time to receive a request's headers (slowloris). */
  readonly headersTimeoutMs: number;
  /** Time to receive a whole request. */
  readonly requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  readonly keepAliveTimeoutMs: number;
  /** Longer request targets are answered 414. */
  readonly maxUrlLength: number;
  /** Request line + headers; larger ones are refused by the HTTP parser (431, or 414 for a long request line). */
  readonly maxHeaderBytes: number;
  /** Hub requests in flight at once, over all clients. */
  readonly maxHubFetches: number;
  /** Estimates waiting for the Hub beyond which new ones are answered 503. */
  readonly maxQueuedEstimates: number;
  /** On close, how long requests under way may take to finish before their connections are cut. */
  readonly shutdownGraceMs: number;
}

export const DEFAULT_LIMITS: ServerLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxUrlLength: 8 * 1024,
  maxHeaderBytes: 16 * 1024,
  maxHubFetches: 8,
  maxQueuedEstimates: 256,
  shutdownGraceMs: 2_000,
};

export interface ServeOptions {
  readonly port?: number;
  readonly host?: string;
  /** How to reach the Hub. `token` is sent with Hub requests: the CLI sets it only for `serve --use-token`. */
  readonly settings: HubSettings;
  /** The built page (dist/web). */
  readonly staticDir: string;
  readonly limits?: Partial<ServerLimits>;
  /** Where unexpected errors go, one line each (default: stderr). */
  readonly log?: (line: string) => void;
  /** The fetch under the Hub client (tests). */
  readonly fetch?: typeof fetch;
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
  if (error instanceof ServerBusyError) return 503;
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

const sendJson = (res: ServerResponse, status: number, value: unknown, extra: Record<string, string> = {}) => send(res, status, JSON.stringify(value), "application/json", extra);

/** A request target split into its decoded path and its query; undefined when it is not origin-form or not decodable. */
function parseTarget(target: string): { path: string; query: URLSearchParams } | undefined {
  // Only origin-form (`/path?query`): absolute-form (`http://host/`), authority-form and `*` are not for us.
  if (!target.startsWith("/")) return undefined;
  const q = target.indexOf("?");
  const rawPath = q === -1 ? target : target.slice(0, q);
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return undefined;
  }
  if (/[\u0000-\u001f\u007f\\]/.test(path)) return undefined;
  // URLSearchParams never throws: a bad %-escape in the query stays as written.
  return { path, query: new URLSearchParams(q === -1 ? "" : target.slice(q + 1)) };
}

/** The file under `root` a decoded path names, or undefined when it would leave `root`. */
function staticFile(root: string, path: string): string | undefined {
  const file = resolve(root, `.${path === "/" ? "/index.html" : path}`);
  const rel = relative(root, file);
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) return undefined;
  return file;
}

async function serveStatic(res: ServerResponse, root: string, path: string, settings: HubSettings): Promise<void> {
  const file = staticFile(root, path);
  const info = file ? await stat(file).catch(() => undefined) : undefined;
  if (!file || !info?.isFile()) {
    send(res, 404, "not found", "text/plain");
    return;
  }
  let body: Buffer | string = await readFile(file);
  if (file.endsWith("index.html")) {
    // The page talks to the Hub itself; tell it which one (HF_ENDPOINT), as huggingface_hub would use.
    body = body.toString("utf8").replace("__HUB_ENDPOINT__", settings.endpoint.replace(/[<>"&]/g, ""));
  }
  send(res, 200, body, TYPES[extname(file)] ?? "application/octet-stream", { "Cache-Control": file.endsWith(".html") ? "no-cache" : "public, max-age=300" });
}

/** One line for the operator's log: no stack, no line breaks, never the token. */
function logLine(error: unknown, token: string | undefined): string {
  let text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  if (token) text = text.split(token).join("[token]");
  return `estimate-memory serve: internal error: ${text.replace(/[\r\n]+/g, " ").slice(0, 500)}`;
}

/** The answer to a request the HTTP parser refused (it never reaches the handler). */
function clientErrorAnswer(error: NodeJS.ErrnoException & { rawPacket?: Buffer }): number {
  if (error.code === "HPE_HEADER_OVERFLOW") {
    // Still inside the request line (no line break seen yet): the target is what is too long.
    return error.rawPacket && !error.rawPacket.includes("\r\n") ? 414 : 431;
  }
  if (error.code === "ERR_HTTP_REQUEST_TIMEOUT") return 408;
  return 400;
}

/** `estimate-memory serve`: the page, its assets, and `GET /api/estimate` (the CLI's --json object). */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const log = options.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const root = resolve(options.staticDir);
  const cache = new ResultCache();
  // Concurrent Hub requests are capped over all clients; estimates queue for them, up to a bound.
  const hubSlots = new Limiter(limits.maxHubFetches, Number.POSITIVE_INFINITY);
  const estimates = new Limiter(limits.maxHubFetches * 4, limits.maxQueuedEstimates);
  const baseFetch = options.fetch ?? fetch;
  const limitedFetch = ((input: string | URL | Request, init?: RequestInit) => hubSlots.run(() => baseFetch(input, init))) as typeof fetch;
  // The same query asked again while it is computed shares the one computation.
  const inFlight = new Map<string, Promise<string>>();

  const unexpected = (error: unknown, res: ServerResponse) => {
    log(logLine(error, options.settings.token));
    if (!res.headersSent) sendJson(res, 500, { error: "internal error" });
    else res.destroy();
  };

  const apiEstimate = async (query: URLSearchParams, res: ServerResponse) => {
    const key = query.toString();
    const hit = cache.get(key);
    if (hit) {
      send(res, 200, hit, "application/json");
      return;
    }
    let pending = inFlight.get(key);
    if (!pending) {
      const parsed = parseEstimateQuery(query);
      pending = estimates.run(() => estimateFromQuery(parsed, options.settings, limitedFetch)).then((result) => JSON.stringify(result));
      inFlight.set(key, pending);
      const forget = () => inFlight.delete(key);
      pending.then(forget, forget);
    }
    try {
      const body = await pending;
      cache.set(key, body);
      send(res, 200, body, "application/json");
    } catch (error) {
      const status = statusFor(error);
      if (status === 500) {
        unexpected(error, res);
        return;
      }
      sendJson(res, status, { error: errorMessage(error, "query").split("\n")[0] }, status === 503 ? { "Retry-After": "5" } : {});
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const target = req.url ?? "";
    if (target.length > limits.maxUrlLength) {
      sendJson(res, 414, { error: "request target too long" }, { Connection: "close" });
      return;
    }
    const parsed = parseTarget(target);
    if (!parsed) {
      sendJson(res, 400, { error: "bad request target" }, { Connection: "close" });
      return;
    }
    // Nothing here takes a body: one announced is refused at once, and the connection closed rather than drained.
    if (Number(req.headers["content-length"] ?? 0) > 0 || req.headers["transfer-encoding"] !== undefined) {
      sendJson(res, 413, { error: "no request body is accepted" }, { Connection: "close" });
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      sendJson(res, 405, { error: "only GET" }, { Allow: "GET, HEAD" });
      return;
    }
    if (parsed.path === "/api/estimate") {
      try {
        await apiEstimate(parsed.query, res);
      } catch (error) {
        // A query refused before any work (bad option, not a Hub id): the client's mistake.
        const status = statusFor(error);
        if (status === 500) throw error;
        sendJson(res, status, { error: errorMessage(error, "query").split("\n")[0] });
      }
      return;
    }
    if (parsed.path === "/api/health") {
      sendJson(res, 200, { ok: true, rss: process.memoryUsage().rss });
      return;
    }
    await serveStatic(res, root, parsed.path, options.settings);
  };

  const server = createServer(
    {
      maxHeaderSize: limits.maxHeaderBytes,
      requestTimeout: limits.requestTimeoutMs,
      headersTimeout: limits.headersTimeoutMs,
      // Node checks the two timeouts on this interval; never coarser than the shortest of them.
      connectionsCheckingInterval: Math.min(30_000, limits.headersTimeoutMs, limits.requestTimeoutMs),
    },
    (req, res) => {
      handle(req, res).catch((error: unknown) => unexpected(error, res));
    },
  );
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.on("clientError", (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Socket) => {
    if (error.code === "ECONNRESET" || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = clientErrorAnswer(error);
    socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ""}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });
  await new Promise<void>((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 7860, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolvePromise();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    server,
    close: () =>
      new Promise<void>((resolvePromise) => {
        // Stop accepting and drop idle keep-alive connections; requests under way get a short grace to finish.
        server.close(() => {
          clearTimeout(grace);
          resolvePromise();
        });
        server.closeIdleConnections();
        const grace = setTimeout(() => server.closeAllConnections(), limits.shutdownGraceMs);
        grace.unref();
      }),
  };
}
