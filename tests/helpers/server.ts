// A real newsgraph HTTP server on a free port, over a real database, for the API tests.
import type { Database } from "../../src/db/connection.js";
import { startServer, type RunningServer } from "../../src/server/app.js";
import { quietLog } from "./databases.js";

export interface GraphQLResponse<T = any> {
  status: number;
  body: { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

export async function startTestServer(db: Database): Promise<RunningServer & { graphql: <T = any>(query: string, variables?: object) => Promise<GraphQLResponse<T>> }> {
  const server = await startServer({ db, log: quietLog, port: 0, host: "127.0.0.1" });
  return {
    ...server,
    async graphql(query, variables) {
      const res = await fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, body: (await res.json()) as GraphQLResponse["body"] };
    },
  };
}
