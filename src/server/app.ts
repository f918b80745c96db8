// The HTTP server: GraphQL at /graphql (Apollo Server 5 on Express, GET and POST per the
// GraphQL-over-HTTP spec), subscriptions over graphql-ws on the same port and path, the
// Playground at / and /playground, and /health.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
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
import { argumentChecksPlugin } from "./argument-checks.js";
import { accessFor, connectionRefusal, type AccessPolicy } from "./auth.js";
import { cacheControlPlugin, DEFAULT_MAX_AGE_SECONDS, noStore, type HttpCachePolicy } from "./cache-policy.js";
import { corsMiddleware, type CorsPolicy } from "./cors.js";
import { compiledQueryExecutor, fixedSchemaGateway } from "./compiled-execution.js";
import { ErrorCode } from "../error-codes.js";
import { errorFormatter } from "./format-error.js";
import { healthHandler } from "./health.js";
import { costPlugin, DEFAULT_LIMITS, depthRule, subscriptionRefusal, type QueryLimits } from "./limits.js";
import { DocumentCache } from "./document-cache.js";
import { createMetrics, type MetricsAccess } from "./metrics.js";
import { nestingGuard } from "./nesting-guard.js";
import { playgroundRouter } from "./playground.js";
import type { KeyValueCache } from "./redis-cache.js";
import { DEFAULT_REQUEST_TIMEOUT_MS, requestScopes, scopeOf, withRequestScope } from "./request-deadline.js";
import { requestLogger } from "./request-log.js";
import { requestObserverPlugin } from "./request-observer.js";

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
  /** Cross-origin access from browser pages; any origin may read unless given. */
  cors?: CorsPolicy;
  /** The time limit of one GraphQL request over HTTP, in ms (REQUEST_TIMEOUT_MS). */
  requestTimeoutMs?: number;
  /** Apollo's cache, which holds automatic persisted queries: in memory unless given (Redis for several processes). */
  cache?: KeyValueCache;
  /** Who may read /metrics; unless given, as open as the reads are. */
  metrics?: MetricsAccess;
  /** Cache-Control for GET queries; unless given, 60 s, public when reads need no key. */
  httpCache?: HttpCachePolicy;
  /** Compiled query documents kept (an LRU); COMPILED_QUERIES_KEPT unless given. */
  compiledQueriesKept?: number;
  /** Parsed and validated documents kept (an LRU by their heap); DOCUMENT_CACHE_BYTES unless given. */
  documentCache?: DocumentCache;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export const GRAPHQL_PATH = "/graphql";
/** Largest request body: a 2 MB article with room for JSON escaping. */
const MAX_BODY = "3mb";
/**
 * How long a persisted query stays registered: a day covers a CDN's cached URLs, and
 * registrations (only of valid documents) cannot pile up in Redis for ever.
 */
const PERSISTED_QUERY_TTL_SECONDS = 24 * 3600;

export async function startServer({
  db, log, port, host = "0.0.0.0", production = false, access = {}, limits = DEFAULT_LIMITS, events = inProcessEvents(), cors = { kind: "any-origin-reads" },
  requestTimeoutMs = DEFAULT_REQUEST_TIMEOUT_MS, cache, metrics: metricsAccess = access.readsRequireKey ? "key" : "open",
  httpCache = { maxAgeSeconds: DEFAULT_MAX_AGE_SECONDS, scope: access.readsRequireKey ? "private" : "public" }, compiledQueriesKept,
  documentCache = new DocumentCache(),
}: ServerOptions): Promise<RunningServer> {
  const app = express();
  app.disable("x-powered-by");
  // Express would hash every response body for an ETag, and GraphQL answers to POST can
  // never be revalidated with one.
  app.set("etag", false);
  const httpServer = http.createServer(app);
  const schema = await getSchema(events.pubSub);
  const contextFor = (headers: http.IncomingHttpHeaders, requestScope?: Context["requestScope"]): Context => ({
    db, loaders: createLoaders(db), log, access: accessFor(access, headers), pubSub: events.pubSub, requestScope,
  });
  // Half the pool (at least one connection) per request: one request of hundreds of
  // statements then leaves the other half to everyone else.
  const poolMax = db.poolStatus?.().max;
  const maxConnections = poolMax ? Math.max(1, Math.ceil(poolMax / 2)) : Infinity;

  const wsServer = new WebSocketServer({ server: httpServer, path: GRAPHQL_PATH });
  const subscriptions = useServer(
    {
      schema,
      validate: (schema, document) => validate(schema, document, [...specifiedRules, depthRule(limits)]),
      // The same limits as over HTTP: deep variables and over-costly selections are refused.
      onSubscribe: (_ctx, _id, payload) => subscriptionRefusal(schema, limits, payload),
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

  const metrics = createMetrics(db);
  const apollo = new ApolloServer<Context>({
    gateway: fixedSchemaGateway(schema, withRequestScope(compiledQueryExecutor(schema, log, compiledQueriesKept))),
    introspection: true,
    // Reads need no cookies and writes need an API key header, so cross-site requests gain
    // nothing: plain GET requests are allowed, as the GraphQL-over-HTTP spec has them.
    csrfPrevention: false,
    validationRules: [depthRule(limits)],
    // A cap on the document's tokens stops over-long documents before validation work.
    parseOptions: { maxTokens: limits.maxTokens },
    documentStore: documentCache,
    formatError: errorFormatter(log, production),
    // Stack traces only for a developer who asked for them (NODE_ENV=development).
    includeStacktraceInErrorResponses: !production && process.env.NODE_ENV === "development",
    // main.ts stops the server, the events and the database in order on SIGTERM/SIGINT.
    // Apollo's own handler (on outside NODE_ENV=test) would race it and leave the process hanging.
    stopOnTerminationSignals: false,
    cache,
    persistedQueries: { ttl: PERSISTED_QUERY_TTL_SECONDS },
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Apollo's hints cost a hook on every field resolved; cache-policy.ts decides once per document.
      ApolloServerPluginCacheControlDisabled(),
      argumentChecksPlugin(schema),
      costPlugin(schema, limits),
      retryAfterPlugin(),
      requestObserverPlugin([metrics.record, requestLogger(log)]),
      cacheControlPlugin(schema, httpCache),
      { async serverWillStart() { return { async drainServer() { await subscriptions.dispose(); } }; } },
    ],
  });
  await apollo.start();

  app.get("/health", healthHandler(db, production));
  app.get("/metrics", metrics.handler(metricsAccess, access.apiKey));
  app.use(playgroundRouter(GRAPHQL_PATH));
  app.use(
    GRAPHQL_PATH,
    corsMiddleware(cors),
    noStore,
    express.json({ limit: MAX_BODY }),
    nestingGuard(),
    requestScopes({ timeoutMs: requestTimeoutMs, maxConnections }),
    expressMiddleware(apollo, { context: async ({ req, res }) => contextFor(req.headers, scopeOf(res)) }),
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
    close: async () => {
      await apollo.stop();
      metrics.close();
    },
  };
}

/**
 * SERVICE_UNAVAILABLE (database unreachable, or no connection free) comes with Retry-After,
 * and, when the operation answered no data at all, with HTTP 503: a load balancer or client
 * library then retries as it would any busy server.
 */
function retryAfterPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== "single") return;
          const { data, errors } = response.body.singleResult;
          const unavailable = errors?.filter((error) => error.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE) ?? [];
          if (!unavailable.length) return;
          response.http.headers.set("retry-after", "1");
          if (data == null && unavailable.length === errors!.length) response.http.status = 503;
        },
      };
    },
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
