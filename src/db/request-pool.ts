// pg's pool, aware of the API request each connection is checked out for (request-scope.ts):
// a request holds at most its share of the connections, waits for one no longer than its
// deadline, and has its running statements cancelled in PostgreSQL when it is aborted.
import pg from "pg";
import type { ControlConnection } from "./control-connection.js";
import { PoolBusyError, RequestAbortedError } from "./database-errors.js";
import { currentScope, type RequestScope } from "./request-scope.js";

type ConnectCallback = (error: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void;

export class RequestAwarePool extends pg.Pool {
  constructor(config: pg.PoolConfig, private readonly control: ControlConnection) {
    super(config);
  }

  // pg-pool's own query() checks out through this.connect (with a callback); Prisma's
  // adapter calls it directly: every statement passes here.
  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  // biome-ignore lint/suspicious/noConfusingVoidType: the implementation of the two overloads above, as pg.Pool declares it
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
    const checkedOut = this.checkOut();
    if (!callback) return checkedOut;
    checkedOut.then((client) => callback(undefined, client, (release) => client.release(release as Error | undefined)), (error: Error) => callback(error, undefined, () => {}));
  }

  /** Connections open, checked out and asked for (for /health). */
  status(): { size: number; max: number; inUse: number; waiting: number } {
    return { size: this.totalCount, max: this.options.max ?? 10, inUse: this.totalCount - this.idleCount, waiting: this.waitingCount };
  }

  private async checkOut(): Promise<pg.PoolClient> {
    const scope = currentScope();
    if (!scope) return this.fromPool();
    const releaseSlot = await scope.acquireSlot();
    let client: pg.PoolClient;
    try {
      client = await this.fromPoolFor(scope);
    } catch (error) {
      releaseSlot();
      throw error;
    }
    let cancelled = false;
    const processId = (client as unknown as { processID: number }).processID;
    const untrack = scope.track({
      cancel: async () => {
        cancelled = true;
        await this.control.cancel(processId);
      },
    });
    const release = client.release;
    client.release = (error?: Error | boolean) => {
      untrack();
      releaseSlot();
      client.release = release;
      // A connection whose statement was cancelled is closed, not reused: a cancel still on
      // its way must not reach the next request's statement on the same backend.
      return release.call(client, error ?? (cancelled || undefined));
    };
    return client;
  }

  /** A connection from the pool, or PoolBusyError when none came free in time. */
  private async fromPool(): Promise<pg.PoolClient> {
    try {
      return await super.connect();
    } catch (error) {
      // pg-pool's words for a wait in its queue that ran out (a new connection failing says otherwise).
      if (/timeout exceeded when trying to connect/.test((error as Error).message)) throw new PoolBusyError(this.options.connectionTimeoutMillis ?? 0);
      throw error;
    }
  }

  /** fromPool, given up as soon as the request is aborted (the connection, when it comes, goes straight back). */
  private async fromPoolFor(scope: RequestScope): Promise<pg.PoolClient> {
    scope.throwIfAborted();
    const pending = this.fromPool();
    const first = await Promise.race([pending, scope.aborted]);
    if (first instanceof RequestAbortedError) {
      pending.then((client) => client.release(), () => {});
      throw first;
    }
    return first;
  }
}
