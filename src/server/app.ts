// The HTTP server: GraphQL at /graphql (Apollo Server 5 on Express, GET and POST per the
// GraphQL-over-HTTP spec), subscriptions over graphql-ws on the same port and path, the
// Playground at / and /playground, and /health.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import { specifiedRules, validate } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import type { Logger } from "pino";
import { WebSocketServer } from "ws";
import type { Database } from "../db/connection.js";
import type { Context } from "../resolvers/context.js";
import { createLoaders } from "../resolvers/loaders.js";
import { inProcessEvents, type Events } from "../events.js";
import { getSchema } from "../schema.js";
import { accessFor, connectionRefusal, type AccessPolicy } from "./auth.js";
import { compiledQueryExecutor, fixedSchemaGateway } from "./compiled-execution.js";
import { errorFormatter } from "./format-error.js";
import { healthHandler } from "./health.js";
import { costPlugin, DEFAULT_LIMITS, depthRule, type QueryLimits } from "./limits.js";
import { playgroundRouter } from "./playground.js";

export interface ServerOptions {
  db: Database;
  log: Logger;
  port: number;
  host?: string;
  production?: boolean;
  access?: AccessPolicy;
  limits?: QueryLimits;
  /** Subscription events; in-process unless given (Redis for several processes). */
  events?: Events;
  /** Compiled query documents kept (an LRU); COMPILED_QUERIES_KEPT unless given. */
  compiledQueriesKept?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export const GRAPHQL_PATH = "/graphql";
/** Largest request body: a 2 MB article with room for JSON escaping. */
const MAX_BODY = "3mb";

export async function startServer({
  db, log, port, host = "0.0.0.0", production = false, access = {}, limits = DEFAULT_LIMITS, events = inProcessEvents(), compiledQueriesKept,
}: ServerOptions): Promise<RunningServer> {
  const app = express();
  app.disable("x-powered-by");
  // Express would hash every response body for an ETag, and GraphQL answers to POST can
  // never be revalidated with one.
  app.set("etag", false);
  const httpServer = http.createServer(app);
  const schema = await getSchema(events.pubSub);
  const contextFor = (headers: http.IncomingHttpHeaders): Context => ({
    db, loaders: createLoaders(db), log, access: accessFor(access, headers), pubSub: events.pubSub,
  });

  const wsServer = new WebSocketServer({ server: httpServer, path: GRAPHQL_PATH });
  const subscriptions = useServer(
    {
      schema,
      validate: (schema, document) => validate(schema, document, [...specifiedRules, depthRule(limits)]),
      // A connection without the key reads need is refused before connection_ack, with
      // the protocol's close code; graphql-ws would otherwise close with 4403 on false.
      onConnect: (ctx) => {
        const refusal = connectionRefusal(access, connectionHeaders(ctx));
        if (refusal) ctx.extra.socket.close(refusal.code, refusal.reason);
        return !refusal;
      },
      context: (ctx) => contextFor(connectionHeaders(ctx)),
    },
    wsServer,
  );

  const apollo = new ApolloServer<Context>({
    gateway: fixedSchemaGateway(schema, compiledQueryExecutor(schema, log, compiledQueriesKept)),
    introspection: true,
    // Reads need no cookies and writes need an API key header, so cross-site requests gain
    // nothing: plain GET requests are allowed, as the GraphQL-over-HTTP spec has them.
    csrfPrevention: false,
    validationRules: [depthRule(limits)],
    // A cap on the document's tokens stops over-long documents before validation work.
    parseOptions: { maxTokens: limits.maxTokens },
    formatError: errorFormatter(log, production),
    // main.ts stops the server, the events and the database in order on SIGTERM/SIGINT.
    // Apollo's own handler (on outside NODE_ENV=test) would race it and leave the process hanging.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // The schema sets no cache hints; computing them costs a hook on every field resolved.
      ApolloServerPluginCacheControlDisabled(),
      costPlugin(schema, limits),
      { async serverWillStart() { return { async drainServer() { await subscriptions.dispose(); } }; } },
    ],
  });
  await apollo.start();

  app.get("/health", healthHandler(db));
  app.use(playgroundRouter(GRAPHQL_PATH));
  app.use(GRAPHQL_PATH, express.json({ limit: MAX_BODY }), expressMiddleware(apollo, { context: async ({ req }) => contextFor(req.headers) }));

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

/**
 * The API key may come in the upgrade request's headers or, from browsers that cannot set
 * them, in connection_init's payload.
 */
function connectionHeaders(ctx: { extra: { request: http.IncomingMessage }; connectionParams?: Record<string, unknown> }): http.IncomingHttpHeaders {
  return { ...ctx.extra.request.headers, ...lowerCaseKeys(ctx.connectionParams) };
}

function lowerCaseKeys(params: Record<string, unknown> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(params ?? {}).filter(([, v]) => typeof v === "string").map(([k, v]) => [k.toLowerCase(), v as string]));
}
