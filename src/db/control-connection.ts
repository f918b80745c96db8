// One PostgreSQL connection of its own beside the pool, for what must not wait for a pooled
// connection: /health's ping (a busy pool is not a database that is down) and cancelling a
// request's running statements (pg_cancel_backend), which matters most when the pool is full.
import pg from "pg";

export class ControlConnection {
  private client: Promise<pg.Client> | null = null;

  /** @param timeoutMs how long connecting or one statement may take before the connection is given up. */
  constructor(private readonly config: pg.ClientConfig, private readonly timeoutMs = 2_000) {}

  /** Answers whether PostgreSQL answers a statement right now; throws the reason when it does not. */
  async ping(): Promise<boolean> {
    await this.query("select 1");
    return true;
  }

  /** Cancels the statement the backend `processId` is running (a no-op if it runs none). */
  async cancel(processId: number): Promise<void> {
    await this.query("select pg_cancel_backend($1)", [processId]);
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = null;
    await client?.then((c) => c.end(), () => {}).catch(() => {});
  }

  private async query(text: string, values?: unknown[]): Promise<void> {
    const client = await this.connect();
    try {
      await client.query(text, values);
    } catch (error) {
      // Anything but an error PostgreSQL sent (a timeout, a dead socket) leaves the
      // connection unusable: the next call opens a new one.
      if (typeof (error as { severity?: unknown }).severity !== "string") this.drop(client);
      throw error;
    }
  }

  private connect(): Promise<pg.Client> {
    if (!this.client) {
      const client = new pg.Client({ ...this.config, connectionTimeoutMillis: this.timeoutMs, query_timeout: this.timeoutMs });
      client.on("error", () => this.drop(client));
      const connecting = client.connect().then(() => client);
      this.client = connecting;
      connecting.catch(() => {
        if (this.client === connecting) this.client = null;
      });
    }
    return this.client;
  }

  private drop(client: pg.Client): void {
    void this.client?.then((current) => {
      if (current === client) this.client = null;
    }, () => {});
    // end() waits for the server's goodbye, which a cut network never sends.
    (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
    void client.end().catch(() => {});
  }
}
