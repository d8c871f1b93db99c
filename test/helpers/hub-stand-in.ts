// A Hub stand-in on 127.0.0.1 (port 0) answering like the Hub's HTTP API, for tests: model info, paths-info,
// resolve/raw with Range, and the Hub's error codes (401 RepoNotFound, 401/403 GatedRepo, 404 EntryNotFound);
// the model search (`/api/models?search=&sort=downloads`) and discussions, listed 50 a page (`?p=`) as the Hub does.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createHash } from "node:crypto";
import type { AddressInfo } from "node:net";

export interface StandInRepo {
  readonly id: string;
  readonly sha?: string;
  readonly files: Readonly<Record<string, Uint8Array | string>>;
  /** Needs a token in `tokens` to read anything. */
  readonly gated?: boolean;
  /** Invisible (RepoNotFound) without a token in `tokens`. */
  readonly private?: boolean;
  readonly libraryName?: string;
  /** For the model search (`GET /api/models?search=`): its sort key and the `safetensors.total` it reports. */
  readonly downloads?: number;
  readonly parameters?: number;
  /** Discussions already open (titles), listed before any posted through the API. */
  readonly discussions?: readonly string[];
}

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly authorization: string | undefined;
  readonly range: string | undefined;
}

export interface HubStandIn {
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Discussions opened through `POST /api/models/ID/discussions`, by repo. */
  readonly discussions: Map<string, { title: string; description: string }[]>;
  /** Answer the next `n` requests with this status (e.g. 503, 429) before behaving normally. */
  failNext(n: number, status: number): void;
  /** Redirect file downloads to another origin (a CDN) instead of serving them. */
  redirectFilesTo(origin: string | undefined): void;
  close(): Promise<void>;
}

const bytes = (content: Uint8Array | string) => (typeof content === "string" ? new TextEncoder().encode(content) : content);
const gitBlobId = (content: Uint8Array) => createHash("sha1").update(`blob ${content.byteLength}\0`).update(content).digest("hex");
const shaFor = (id: string) => createHash("sha1").update(`commit:${id}`).digest("hex");

export async function startHubStandIn(repos: readonly StandInRepo[], tokens: readonly string[] = []): Promise<HubStandIn> {
  const byId = new Map(repos.map((r) => [r.id, r]));
  const requests: RecordedRequest[] = [];
  let failures = 0;
  let failStatus = 503;
  let redirectOrigin: string | undefined;

  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "Content-Type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };
  const authorized = (req: IncomingMessage) => {
    const header = req.headers.authorization;
    return header !== undefined && tokens.some((t) => header === `Bearer ${t}`);
  };
  /** The repo if the request may see it, else the error answer (already sent). */
  const access = (req: IncomingMessage, res: ServerResponse, id: string): StandInRepo | undefined => {
    const repo = byId.get(id);
    if (!repo || (repo.private && !authorized(req))) {
      json(res, 401, { error: "Repository Not Found for url" }, { "X-Error-Code": "RepoNotFound" });
      return undefined;
    }
    if (repo.gated && !authorized(req)) {
      json(res, req.headers.authorization ? 403 : 401, { error: `Access to model ${id} is restricted. You must have access to it and be authenticated to access it. Please log in.` }, { "X-Error-Code": "GatedRepo" });
      return undefined;
    }
    return repo;
  };

  const discussions = new Map<string, { title: string; description: string }[]>(
    repos.filter((r) => r.discussions).map((r) => [r.id, (r.discussions ?? []).map((title) => ({ title, description: "" }))]),
  );
  /** The Hub's page size for discussions. */
  const PAGE = 50;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://stand-in");
    // The Hub answers browsers from any origin (pages call it directly).
    res.setHeader("Access-Control-Allow-Origin", "*");
    res.setHeader("Access-Control-Expose-Headers", "X-Error-Code, Content-Range, ETag, X-Linked-Etag, X-Linked-Size, X-Repo-Commit");
    if (req.method === "OPTIONS") {
      res.writeHead(204, { "Access-Control-Allow-Headers": "Authorization, Range, Content-Type, Accept", "Access-Control-Allow-Methods": "GET, HEAD, POST" });
      res.end();
      return;
    }
    requests.push({ method: req.method ?? "GET", url: req.url ?? "/", authorization: req.headers.authorization, range: req.headers.range });
    if (failures > 0) {
      failures--;
      json(res, failStatus, { error: "try later" }, failStatus === 429 ? { "Retry-After": "0" } : {});
      return;
    }
    const path = decodeURIComponent(url.pathname);
    if (path === "/api/models" || path === "/api/models/") {
      // The search: ids containing the term (case-insensitive), by downloads, `limit` of them; private repos hidden.
      const term = (url.searchParams.get("search") ?? "").toLowerCase();
      const limit = Number(url.searchParams.get("limit") ?? "20");
      const expand = url.searchParams.getAll("expand");
      const found = repos
        .filter((r) => !r.private && r.id.toLowerCase().includes(term))
        .sort((a, b) => (b.downloads ?? 0) - (a.downloads ?? 0))
        .slice(0, limit);
      json(
        res,
        200,
        found.map((r) => ({
          _id: `id-${r.id}`,
          id: r.id,
          private: false,
          gated: r.gated ? "manual" : false,
          downloads: r.downloads ?? 0,
          likes: 0,
          pipeline_tag: null,
          lastModified: "2026-01-01T00:00:00.000Z",
          ...(expand.includes("library_name") ? { library_name: r.libraryName } : {}),
          ...(expand.includes("safetensors") && r.parameters !== undefined ? { safetensors: { total: r.parameters, parameters: { BF16: r.parameters } } } : {}),
        })),
      );
      return;
    }
    if (path.startsWith("/api/models/")) {
      const rest = path.slice("/api/models/".length);
      const discussionsOf = /^(.+)\/discussions$/.exec(rest);
      if (discussionsOf) {
        const repo = access(req, res, discussionsOf[1] as string);
        if (!repo) return;
        const list = discussions.get(repo.id) ?? [];
        if (req.method === "POST") {
          if (!authorized(req)) {
            json(res, 401, { error: "Invalid credentials" });
            return;
          }
          let body = "";
          req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
          req.on("end", () => {
            const { title, description } = JSON.parse(body) as { title: string; description: string };
            list.push({ title, description });
            discussions.set(repo.id, list);
            json(res, 200, { num: list.length, url: `http://stand-in/${repo.id}/discussions/${list.length}` });
          });
          return;
        }
        const page = Number(url.searchParams.get("p") ?? "0");
        const start = page * PAGE;
        json(res, 200, { discussions: list.slice(start, start + PAGE).map((d, i) => ({ num: start + i + 1, title: d.title, status: "open" })), count: list.length, start });
        return;
      }
      const pathsInfo = /^(.+)\/paths-info\/([^/]+)$/.exec(rest);
      const [id, revision] = pathsInfo ? [pathsInfo[1] as string, pathsInfo[2]] : (rest.split("/revision/") as [string, string | undefined]);
      const repo = access(req, res, id);
      if (!repo) return;
      if (revision && revision !== "main" && revision !== "HEAD" && revision !== (repo.sha ?? shaFor(repo.id))) {
        json(res, 404, { error: "Invalid rev id" }, { "X-Error-Code": "RevisionNotFound" });
        return;
      }
      if (pathsInfo) {
        json(res, 200, Object.entries(repo.files).map(([p, c]) => ({ type: "file", path: p, oid: gitBlobId(bytes(c)), size: bytes(c).byteLength })));
        return;
      }
      json(res, 200, {
        _id: `id-${repo.id}`,
        id: repo.id,
        sha: repo.sha ?? shaFor(repo.id),
        private: repo.private ?? false,
        gated: repo.gated ? "manual" : false,
        downloads: 0,
        likes: 0,
        pipeline_tag: null,
        lastModified: "2026-01-01T00:00:00.000Z",
        library_name: repo.libraryName,
        siblings: Object.keys(repo.files).map((rfilename) => ({ rfilename })),
      });
      return;
    }
    const match = /^\/(.+?)\/(resolve|raw)\/([^/]+)\/(.+)$/.exec(path);
    if (match) {
      const [, id, , , file] = match as unknown as [string, string, string, string, string];
      const repo = access(req, res, id);
      if (!repo) return;
      const content = repo.files[file];
      if (content === undefined) {
        json(res, 404, { error: "Entry not found" }, { "X-Error-Code": "EntryNotFound" });
        return;
      }
      if (redirectOrigin) {
        res.writeHead(302, { Location: `${redirectOrigin}/cdn/${id}/${file}` });
        res.end();
        return;
      }
      serveBytes(req, res, bytes(content), { ETag: `"${gitBlobId(bytes(content))}"`, "X-Repo-Commit": repo.sha ?? shaFor(repo.id) });
      return;
    }
    const cdn = /^\/cdn\/(.+)\/([^/]+)$/.exec(path);
    if (cdn) {
      const repo = byId.get(cdn[1] as string);
      const content = repo?.files[cdn[2] as string];
      if (content !== undefined) {
        serveBytes(req, res, bytes(content), { ETag: `"${gitBlobId(bytes(content))}"` });
        return;
      }
    }
    json(res, 404, { error: "Not found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    discussions,
    failNext(n, status) {
      failures = n;
      failStatus = status;
    },
    redirectFilesTo(origin) {
      redirectOrigin = origin;
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function serveBytes(req: IncomingMessage, res: ServerResponse, content: Uint8Array, headers: Record<string, string>): void {
  const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? "");
  if (range) {
    const start = Number(range[1]);
    const end = Math.min(range[2] ? Number(range[2]) : content.byteLength - 1, content.byteLength - 1);
    if (start >= content.byteLength) {
      res.writeHead(416, { "Content-Range": `bytes */${content.byteLength}` });
      res.end();
      return;
    }
    res.writeHead(206, { ...headers, "Content-Range": `bytes ${start}-${end}/${content.byteLength}`, "Content-Length": String(end - start + 1), "Accept-Ranges": "bytes" });
    res.end(req.method === "HEAD" ? undefined : Buffer.from(content.subarray(start, end + 1)));
    return;
  }
  res.writeHead(200, { ...headers, "Content-Length": String(content.byteLength), "Accept-Ranges": "bytes" });
  res.end(req.method === "HEAD" ? undefined : Buffer.from(content));
}
