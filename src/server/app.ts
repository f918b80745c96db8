// The HTTP server: GraphQL at /graphql (Apollo Server 5 on Express), the Playground at /
// and /playground, and /health.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import type { Logger } from "pino";
import type { Database } from "../db/connection.js";
import type { Context } from "../resolvers/context.js";
import { createLoaders } from "../resolvers/loaders.js";
import { getSchema } from "../schema.js";
import { errorFormatter } from "./format-error.js";
import { healthHandler } from "./health.js";
import { playgroundRouter } from "./playground.js";

export interface ServerOptions {
  db: Database;
  log: Logger;
  port: number;
  host?: string;
  production?: boolean;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export const GRAPHQL_PATH = "/graphql";

export async function startServer({ db, log, port, host = "0.0.0.0", production = false }: ServerOptions): Promise<RunningServer> {
  const app = express();
  app.disable("x-powered-by");
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<Context>({
    schema: await getSchema(),
    introspection: true,
    formatError: errorFormatter(log, production),
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
  });
  await apollo.start();

  app.get("/health", healthHandler(db));
  app.use(playgroundRouter(GRAPHQL_PATH));
  app.use(
    GRAPHQL_PATH,
    express.json({ limit: "1mb" }),
    expressMiddleware(apollo, {
      context: async () => ({ db, loaders: createLoaders(db.prisma), log }),
    }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(port, host, () => resolve());
  });
  const actualPort = (httpServer.address() as AddressInfo).port;
  const shownHost = host === "0.0.0.0" || host === "::" ? "localhost" : host;
  return {
    url: `http://${shownHost}:${actualPort}`,
    port: actualPort,
    close: () => apollo.stop(),
  };
}
