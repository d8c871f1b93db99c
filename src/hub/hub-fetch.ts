import { HubUnreachableError } from "./errors.js";

export interface HubFetchOptions {
  /** Only requests to this origin carry the token (a redirect elsewhere drops it). */
  readonly endpoint: string;
  readonly token?: string | undefined;
  /** Tries for 429 and 5xx answers, with exponential backoff. */
  readonly attempts?: number;
  readonly baseDelayMs?: number;
  /** The underlying fetch (tests pass their own). */
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
  /** Waits between tries (default: a timer); tests pass one that records the delays and returns at once. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** The fetch every Hub call goes through, plus what it saw of the last failed answer. */
export interface HubFetch {
  (input: string | URL | Request, init?: RequestInit): Promise<Response>;
  lastErrorCode?: string | undefined;
  lastStatus?: number | undefined;
  requests: number;
}

const RETRYABLE = new Set([429, 500, 502, 503, 504]);
const MAX_REDIRECTS = 5;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Wraps fetch for the Hub: the token is attached to requests for the endpoint's origin and stripped from any
 * other (redirects are followed here, hop by hop, so a CDN never sees it); 429/5xx answers are retried with
 * backoff (honouring Retry-After up to a few seconds); a request that gets no answer becomes a
 * `HubUnreachableError` naming the endpoint — never the URL's query or the token.
 */
export function createHubFetch(options: HubFetchOptions): HubFetch {
  const base = options.fetch ?? fetch;
  const origin = new URL(options.endpoint).origin;
  const attempts = options.attempts ?? 4;
  const baseDelay = options.baseDelayMs ?? 500;
  const wait = options.sleep ?? sleep;
  const state: { requests: number; lastStatus?: number; lastErrorCode?: string | undefined } = { requests: 0 };

  const once = async (url: URL, init: RequestInit): Promise<Response> => {
    let current = url;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const headers = new Headers(init.headers);
      if (current.origin === origin && options.token) headers.set("Authorization", `Bearer ${options.token}`);
      else headers.delete("Authorization");
      state.requests++;
      let response: Response;
      try {
        response = await base(current, {
          ...init,
          headers,
          redirect: "manual",
          signal: init.signal ?? AbortSignal.timeout(options.timeoutMs ?? 30_000),
        });
      } catch (error) {
        throw new HubUnreachableError(
          `cannot reach the Hub at ${options.endpoint} (${describeNetworkError(error)}); set HF_HUB_OFFLINE=1 to use cached or shipped configs`,
          undefined,
          undefined,
          { cause: error },
        );
      }
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location) {
        current = new URL(location, current);
        continue;
      }
      return response;
    }
    throw new HubUnreachableError(`too many redirects from the Hub at ${options.endpoint}`);
  };

  const hubFetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input);
    const merged: RequestInit = input instanceof Request ? { method: input.method, headers: input.headers, ...init } : init;
    for (let attempt = 1; ; attempt++) {
      const response = await once(url, merged);
      if (response.ok) return response;
      state.lastStatus = response.status;
      state.lastErrorCode = response.headers.get("x-error-code") ?? undefined;
      if (!RETRYABLE.has(response.status) || attempt >= attempts) return response;
      await response.body?.cancel();
      const retryAfter = Number(response.headers.get("retry-after"));
      const delay = Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter * 1000, 5000) : baseDelay * 2 ** (attempt - 1);
      await wait(delay);
    }
  };
  Object.defineProperties(hubFetch, {
    requests: { get: () => state.requests },
    lastErrorCode: { get: () => state.lastErrorCode },
    lastStatus: { get: () => state.lastStatus },
  });
  return hubFetch as HubFetch;
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  if (cause?.code) return cause.code;
  if (error instanceof Error && error.name === "TimeoutError") return "timed out";
  return error instanceof Error ? error.message : String(error);
}
