// Entry point: `npm start`. Opens (and migrates) the database, loads the sample articles
// into an empty one, serves GraphQL, and shuts down cleanly on SIGTERM / SIGINT.
import "reflect-metadata";
import { readSettings, SettingError } from "./config.js";
import { loadSampleDataIfEmpty } from "./db/sample-data.js";
import { openMigratedDatabase } from "./db/open.js";
import { openEvents } from "./events.js";
import { DatabaseConfigError } from "./db/target.js";
import { createLogger } from "./logger.js";
import { startServer } from "./server/app.js";
import { DEFAULT_LIMITS } from "./server/limits.js";
import { openRedisCache } from "./server/redis-cache.js";

async function main(): Promise<void> {
  const settings = readSettings();
  const log = createLogger(settings.logLevel);
  const db = await openMigratedDatabase(settings.databaseUrl, log, { statementTimeoutMs: settings.statementTimeoutMs });
  if (settings.loadSampleData) await loadSampleDataIfEmpty(db, log);
  const events = await openEvents(settings.redisUrl).catch((error: Error) => {
    throw new SettingError(error.message);
  });
  // Persisted queries registered with any server process are known to all of them.
  const cache = settings.redisUrl
    ? await openRedisCache(settings.redisUrl).catch((error: Error) => {
        throw new SettingError(error.message);
      })
    : undefined;
  const server = await startServer({
    db, log, port: settings.port, host: settings.host, production: settings.production, events, cors: settings.cors, cache,
    requestTimeoutMs: settings.requestTimeoutMs,
    metrics: settings.metrics,
    httpCache: { maxAgeSeconds: settings.cacheMaxAgeSeconds, scope: settings.readsRequireKey ? "private" : "public" },
    access: { apiKey: settings.apiKey, readsRequireKey: settings.readsRequireKey },
    limits: { ...DEFAULT_LIMITS, maxDepth: settings.maxQueryDepth, maxCost: settings.maxQueryCost },
  });
  if (!settings.apiKey) log.info("API_KEY is not set: mutations (writes) are turned off");
  log.info({ url: `${server.url}/graphql`, playground: `${server.url}/playground`, database: db.target.label, events: events.label }, "newsgraph is ready");

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    await server.close();
    await events.close();
    await cache?.close();
    await db.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: Error) => {
  // Configuration and connection problems are one line for a person, not a stack trace.
  if (error instanceof DatabaseConfigError || error instanceof SettingError) {
    console.error(`newsgraph: ${error.message}`);
  } else {
    console.error(`newsgraph: failed to start: ${error.message.split("\n")[0]}`);
    if (process.env.DEBUG) console.error(error.stack);
  }
  process.exit(1);
});
