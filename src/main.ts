// Entry point: `npm start`. Opens (and migrates) the database, loads the sample articles
// into an empty one, serves GraphQL, and shuts down cleanly on SIGTERM / SIGINT.
import "reflect-metadata";
import { readSettings, SettingError } from "./config.js";
import { loadSampleDataIfEmpty } from "./ingest/sample-data.js";
import { openMigratedDatabase } from "./db/open.js";
import { openEvents } from "./events.js";
import { DatabaseConfigError } from "./db/target.js";
import { createLogger } from "./logger.js";
import { startServer } from "./server/app.js";
import { DEFAULT_LIMITS } from "./server/limits.js";
import { openRedisCache } from "./server/redis-cache.js";

/** Set by the first SIGTERM/SIGINT; the start-up steps look at it between them. */
let signalled: NodeJS.Signals | null = null;
/** What a signal does once the server runs: drain and exit. */
let onSignal: (() => void) | null = null;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  // Handled from the first line on: a signal during the start-up (migrations, sample
  // articles) stops it after the step in hand instead of killing it halfway.
  process.on(signal, () => {
    if (signalled) return;
    signalled = signal;
    onSignal?.();
  });
}

async function main(): Promise<void> {
  const settings = readSettings();
  const log = createLogger(settings.logLevel);
  // Closed newest first: the server drains its requests before the database closes.
  const open: (() => Promise<void>)[] = [];
  const stop = async () => {
    log.info({ signal: signalled }, "shutting down");
    for (const close of open.reverse()) await close();
    process.exit(0);
  };
  const stopIfSignalled = async () => {
    if (signalled) await stop();
  };

  const db = await openMigratedDatabase(settings.databaseUrl, log, { statementTimeoutMs: settings.statementTimeoutMs });
  open.push(() => db.close());
  await stopIfSignalled();
  if (settings.loadSampleData) await loadSampleDataIfEmpty(db, log);
  await stopIfSignalled();
  const events = await openEvents(settings.redisUrl).catch((error: Error) => {
    throw new SettingError(error.message);
  });
  open.push(() => events.close());
  await stopIfSignalled();
  // Persisted queries registered with any server process are known to all of them.
  const cache = settings.redisUrl
    ? await openRedisCache(settings.redisUrl).catch((error: Error) => {
        throw new SettingError(error.message);
      })
    : undefined;
  if (cache) open.push(() => cache.close());
  await stopIfSignalled();
  const server = await startServer({
    db, log, port: settings.port, host: settings.host, production: settings.production, events, cors: settings.cors, cache,
    requestTimeoutMs: settings.requestTimeoutMs,
    metrics: settings.metrics,
    httpCache: { maxAgeSeconds: settings.cacheMaxAgeSeconds, scope: settings.readsRequireKey ? "private" : "public" },
    access: { apiKey: settings.apiKey, readsRequireKey: settings.readsRequireKey },
    limits: { ...DEFAULT_LIMITS, maxDepth: settings.maxQueryDepth, maxCost: settings.maxQueryCost },
  });
  open.push(() => server.close());
  await stopIfSignalled();
  if (!settings.apiKey) log.info("API_KEY is not set: mutations (writes) are turned off");
  log.info({ url: `${server.url}/graphql`, playground: `${server.url}/playground`, database: db.target.label, events: events.label }, "newsgraph is ready");
  onSignal = () => void stop();
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
