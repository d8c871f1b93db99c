import { EstimateError } from "../core/errors.js";

/** The server has more waiting than it will queue: the client should come back later (503). */
export class ServerBusyError extends EstimateError {
  override name = "ServerBusyError";
}

/** Runs at most `concurrency` tasks at once; up to `maxQueued` more wait their turn, beyond that they are refused. */
export class Limiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(
    readonly concurrency: number,
    readonly maxQueued: number,
  ) {}

  get active(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxQueued) throw new ServerBusyError("the server is busy: try again in a few seconds");
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else this.running++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next task; `running` only drops when nobody waits.
      if (next) next();
      else this.running--;
    }
  }
}
