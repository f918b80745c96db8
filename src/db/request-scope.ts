// The statements of one API request, so that they can be bounded and stopped together: the
// server opens a scope per request (its deadline, its client's disconnect), and the pool and
// the readers find it through AsyncLocalStorage, without every resolver passing it along.
import { AsyncLocalStorage } from "node:async_hooks";
import { RequestAbortedError } from "./database-errors.js";

/** A connection checked out for the request, and how to cancel what it runs. */
export interface ActiveConnection {
  cancel(): Promise<void>;
}

export class RequestScope {
  private readonly controller = new AbortController();
  private readonly active = new Set<ActiveConnection>();
  private holding = 0;
  private readonly waiting: (() => void)[] = [];
  /** Settles (never rejects) when the request is aborted: its deadline passed or its client left. */
  readonly aborted: Promise<RequestAbortedError>;

  /**
   * @param maxConnections how many pooled connections the request may hold at once, so that
   *   one request of many statements (hundreds of aliases) cannot take the whole pool and
   *   leave every other request waiting behind it.
   */
  constructor(readonly maxConnections = Infinity) {
    this.aborted = new Promise((resolve) => this.controller.signal.addEventListener("abort", () => resolve(this.controller.signal.reason as RequestAbortedError), { once: true }));
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Throws the abort error once the request is over: no statement is started for it after that. */
  throwIfAborted(): void {
    if (this.signal.aborted) throw this.signal.reason as RequestAbortedError;
  }

  /** Ends the request's database work: refuses new statements and cancels the running ones. */
  abort(reason: RequestAbortedError["reason"]): void {
    if (this.signal.aborted) return;
    this.controller.abort(new RequestAbortedError(reason));
    for (const release of this.waiting.splice(0)) release();
    for (const connection of this.active) void connection.cancel().catch(() => {});
  }

  /** Waits for one of the request's connection slots; the returned function gives it back. */
  async acquireSlot(): Promise<() => void> {
    this.throwIfAborted();
    if (this.holding < this.maxConnections) this.holding++;
    else {
      // A slot given back is handed straight to the first waiter (holding stays the same).
      await new Promise<void>((resolve) => this.waiting.push(resolve));
      this.throwIfAborted();
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.holding--;
    };
  }

  /** Registers a connection in use for the request until the returned function is called. */
  track(connection: ActiveConnection): () => void {
    this.active.add(connection);
    return () => this.active.delete(connection);
  }
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Runs `fn` with `scope` as the current request's scope (for every statement it leads to). */
export function runInScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

/** The scope of the request whose work is running, if any (none for the CLI, the worker, start-up). */
export function currentScope(): RequestScope | undefined {
  return storage.getStore();
}
