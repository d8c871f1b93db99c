import { EstimateError } from "../core/errors.js";

/** A failure talking to the Hub; keeps the HTTP status and the Hub's `X-Error-Code` when there was an answer. */
export class HubError extends EstimateError {
  override name = "HubError";
  constructor(
    message: string,
    readonly statusCode?: number,
    readonly errorCode?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export class GatedRepoError extends HubError {
  override name = "GatedRepoError";
}

export class RepoNotFoundError extends HubError {
  override name = "RepoNotFoundError";
}

/** No answer at all: DNS, refused connection, timeout. */
export class HubUnreachableError extends HubError {
  override name = "HubUnreachableError";
}
