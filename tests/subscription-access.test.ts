// Subscriptions behind an API key (READS_REQUIRE_KEY): a graphql-ws connection without the
// key, or with a wrong one, is refused before connection_ack with the protocol's close
// codes, and nothing is logged as an internal error.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { WebSocket } from "ws";
import { databaseKinds, useFreshDatabase } from "./helpers/databases.js";
import { startTestServer, type TestServer } from "./helpers/server.js";

const API_KEY = "test-key-0123456789abcdef";

/**
 * Opens a graphql-transport-ws connection, sends connection_init and, once acknowledged, a
 * subscription; records what comes back until the socket closes (by itself a moment later).
 */
function connect(url: string, payload: Record<string, string>, headers: Record<string, string> = {}): Promise<{ messages: string[]; code: number; reason: string }> {
  const socket = new WebSocket(url, "graphql-transport-ws", { headers });
  const messages: string[] = [];
  return new Promise((resolve, reject) => {
    socket.once("error", reject);
    socket.once("open", () => socket.send(JSON.stringify({ type: "connection_init", payload })));
    socket.on("message", (data) => {
      messages.push(String(data));
      if (JSON.parse(String(data)).type !== "connection_ack") return;
      socket.send(JSON.stringify({ id: "1", type: "subscribe", payload: { query: "subscription { articleIngested { title } }" } }));
      setTimeout(() => socket.close(1000), 300);
    });
    socket.once("close", (code, reason) => resolve({ messages, code, reason: String(reason) }));
  });
}

describe("subscriptions when reads need the API key", () => {
  const fresh = useFreshDatabase(databaseKinds[0]!);
  let server: TestServer;
  let url: string;
  const consoleError = vi.spyOn(console, "error");
  beforeAll(async () => {
    server = await startTestServer(fresh.current.db, { access: { apiKey: API_KEY, readsRequireKey: true } });
    url = `${server.url.replace("http", "ws")}/graphql`;
  });
  afterAll(() => server?.close());

  it("refuses a connection without a key with 4401 Unauthorized, before connection_ack", async () => {
    const refused = await connect(url, {});
    expect(refused.messages).toEqual([]);
    expect(refused.code).toBe(4401);
    expect(refused.reason).toMatch(/^Unauthorized: .*API key/);
  });

  it("refuses a wrong key with 4403 Forbidden, in the payload or the upgrade's headers", async () => {
    for (const attempt of [connect(url, { "x-api-key": "wrong" }), connect(url, {}, { authorization: "Bearer wrong" })]) {
      const refused = await attempt;
      expect(refused.messages).toEqual([]);
      expect(refused.code).toBe(4403);
      expect(refused.reason).toMatch(/^Forbidden: the API key is not valid/);
    }
  });

  it("accepts the right key, in the payload or the upgrade's headers", async () => {
    for (const attempt of [connect(url, { "X-Api-Key": API_KEY }), connect(url, {}, { "x-api-key": API_KEY })]) {
      const accepted = await attempt;
      expect(accepted.messages.map((m) => JSON.parse(m).type)).toEqual(["connection_ack"]);
      expect(accepted.code).toBe(1000);
    }
  });

  it("logs no internal error for a refused connection", () => {
    // graphql-ws reports an error thrown while handling a message with console.error and close 4500.
    expect(consoleError).not.toHaveBeenCalled();
  });
});
