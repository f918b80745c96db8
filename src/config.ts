// Every setting, read once from the environment. docs/operations.md's settings table mirrors this.
import { parseCorsOrigins, type CorsPolicy } from "./server/cors.js";
import { DEFAULT_REQUEST_TIMEOUT_MS } from "./server/request-deadline.js";
import { DEFAULT_MAX_AGE_SECONDS } from "./server/cache-policy.js";
import { DEFAULT_LIMITS } from "./server/limits.js";
import type { MetricsAccess } from "./server/metrics.js";
import { positiveInteger, SettingError } from "./setting-values.js";

export interface Settings {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  loadSampleData: boolean;
  logLevel: string;
  production: boolean;
  /** The key writes (mutations) need, sent as `x-api-key` or `Authorization: Bearer`; unset: writes are off. */
  apiKey: string | undefined;
  /** Whether reads need the API key too (off by default: reads are open). */
  readsRequireKey: boolean;
  /** Redis for subscription events shared by several server processes; unset: in-process. */
  redisUrl: string | undefined;
  /** Deepest selection an operation may have. */
  maxQueryDepth: number;
  /** Highest estimated cost (fields times the items lists can return) an operation may have. */
  maxQueryCost: number;
  /** Which browser pages on other origins may call the API (CORS_ORIGINS). */
  cors: CorsPolicy;
  /** Time limit of one GraphQL request over HTTP, in ms: then its statements are cancelled and it answers TIMEOUT. */
  requestTimeoutMs: number;
  /** PostgreSQL's statement_timeout for the server's connections, in ms. */
  statementTimeoutMs: number;
  /** Who may read /metrics (METRICS): off, open, or key; by default as open as the reads. */
  metrics: MetricsAccess;
  /** Seconds browsers and CDNs may keep answers to GET queries of articles and persons; 0: never. */
  cacheMaxAgeSeconds: number;
}

/**
 * The server's statement_timeout: PostgreSQL's own stop for a statement that outlives any
 * sensible request, which also holds when a cancel from the server never arrives. Below the
 * request's limit, so that the deadline's cancel is the usual way a request ends early.
 * The ingest CLI, the worker and migrations open their own connections without it.
 */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 10_000;

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === "") return fallback;
  return !/^(0|false|no|off)$/i.test(value.trim());
}

export { SettingError };

export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new SettingError(`PORT must be a port number (0-65535), got "${env.PORT}"`);
  if (env.API_KEY !== undefined && env.API_KEY !== "" && env.API_KEY.length < 16) {
    throw new SettingError(`API_KEY must be at least 16 characters long, got ${env.API_KEY.length}`);
  }
  if (flag(env.READS_REQUIRE_KEY, false) && !env.API_KEY) throw new SettingError("READS_REQUIRE_KEY is on but API_KEY is not set");
  const metrics = metricsSetting(env.METRICS, flag(env.READS_REQUIRE_KEY, false));
  if (metrics === "key" && !env.API_KEY) throw new SettingError("METRICS is key but API_KEY is not set");
  return {
    port,
    host: env.HOST ?? "0.0.0.0",
    databaseUrl: env.DATABASE_URL,
    loadSampleData: flag(env.SAMPLE_DATA, true),
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === "test" ? "warn" : "info"),
    // Production unless a developer or the tests say otherwise: an unset NODE_ENV must not
    // show clients internal messages.
    production: env.NODE_ENV !== "development" && env.NODE_ENV !== "test",
    apiKey: env.API_KEY || undefined,
    readsRequireKey: flag(env.READS_REQUIRE_KEY, false),
    redisUrl: env.REDIS_URL || undefined,
    maxQueryDepth: positiveInteger(env, "MAX_QUERY_DEPTH", DEFAULT_LIMITS.maxDepth),
    maxQueryCost: positiveInteger(env, "MAX_QUERY_COST", DEFAULT_LIMITS.maxCost),
    cors: corsSetting(env.CORS_ORIGINS),
    requestTimeoutMs: positiveInteger(env, "REQUEST_TIMEOUT_MS", DEFAULT_REQUEST_TIMEOUT_MS),
    statementTimeoutMs: positiveInteger(env, "DATABASE_STATEMENT_TIMEOUT_MS", DEFAULT_STATEMENT_TIMEOUT_MS),
    metrics,
    cacheMaxAgeSeconds: wholeNumber(env, "CACHE_MAX_AGE_SECONDS", DEFAULT_MAX_AGE_SECONDS),
  };
}

function corsSetting(value: string | undefined): CorsPolicy {
  try {
    return parseCorsOrigins(value);
  } catch (error) {
    throw new SettingError((error as Error).message);
  }
}

/**
 * Metrics tell operation names and volumes, not data: by default they are as open as the
 * data itself, so a server whose reads need the key wants it for /metrics too.
 */
function metricsSetting(value: string | undefined, readsRequireKey: boolean): MetricsAccess {
  const raw = value?.trim().toLowerCase() ?? "";
  if (raw === "") return readsRequireKey ? "key" : "open";
  if (raw === "off" || raw === "open" || raw === "key") return raw;
  throw new SettingError(`METRICS must be off, open or key, got "${value}"`);
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new SettingError(`${name} must be a whole number of 0 or more, got "${raw}"`);
  return value;
}
