// A real newsgraph HTTP server on a free port, over a real database, for the API tests.
import type { Database } from "../../src/db/connection.js";
import { startServer, type RunningServer, type ServerOptions } from "../../src/server/app.js";
import { quietLog } from "./databases.js";

export interface GraphQLResponse<T = any> {
  status: number;
  body: { data?: T; errors?: { message: string; extensions?: Record<string, any> }[] };
}

export type TestServer = RunningServer & {
  graphql: <T = any>(query: string, variables?: object, headers?: Record<string, string>) => Promise<GraphQLResponse<T>>;
};

export async function startTestServer(db: Database, options: Partial<ServerOptions> = {}): Promise<TestServer> {
  // The server loads the extractor at its first write (IngestResolver). Loaded here first, so
  // that vitest's on-demand compiling of its TypeScript, slow on a loaded machine, does not
  // count against the first mutation's time limit. The compiled server's own first write is
  // tested cold (startup.test.ts: the sample articles; cli.test.ts).
  await import("../../src/ingest/pipeline.js");
  const server = await startServer({ db, log: quietLog, port: 0, host: "127.0.0.1", ...options });
  return {
    ...server,
    async graphql(query, variables, headers = {}) {
      const res = await fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, body: (await res.json()) as GraphQLResponse["body"] };
    },
  };
}
