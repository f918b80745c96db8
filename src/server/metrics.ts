// /metrics in Prometheus's text format (prom-client): GraphQL requests by operation and
// outcome with their latencies, the PostgreSQL pool, the ingest, and Node's own process
// metrics. Each server has its own registry, so several servers in one process (the tests)
// keep their counts apart.
import type { RequestHandler } from "express";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { Database } from "../db/connection.js";
import { onIngestOutcome } from "../ingest/outcomes.js";
import { accessFor } from "./auth.js";
import type { RequestSummary } from "./request-observer.js";

/** Who may read /metrics: nobody (404), anyone, or only requests with the API key. */
export type MetricsAccess = "off" | "open" | "key";

/**
 * Distinct operation names kept as labels. Names are chosen by clients: each new one would
 * be a new series held in memory for good, so past this many they all count as "other".
 */
export const MAX_OPERATION_LABELS = 200;
/** Longest operation name kept in a label; longer ones are cut. */
export const MAX_OPERATION_LABEL_LENGTH = 64;

/** Request latencies from a cached lookup (a few ms) to a slow batch ingest. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface ServerMetrics {
  record(summary: RequestSummary): void;
  /** Serves the registry at /metrics. */
  handler(access: MetricsAccess, apiKey: string | undefined): RequestHandler;
  close(): void;
}

/** Maps client-chosen operation names onto a bounded set of label values. */
export function operationLabeller(max = MAX_OPERATION_LABELS): (name: string | null) => string {
  const known = new Set<string>();
  return (name) => {
    if (name === null) return "anonymous";
    const label = name.slice(0, MAX_OPERATION_LABEL_LENGTH);
    if (known.has(label)) return label;
    if (known.size >= max) return "other";
    known.add(label);
    return label;
  };
}

export function createMetrics(db: Database): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelOf = operationLabeller();

  const requests = new Counter({
    name: "newsgraph_graphql_requests_total",
    help: "GraphQL requests over HTTP by operation name, type and outcome (ok or the first error's code)",
    labelNames: ["operation", "type", "outcome"] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: "newsgraph_graphql_request_duration_seconds",
    help: "Time from a parsed request to its answer, by operation name and type",
    labelNames: ["operation", "type"] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  new Gauge({
    name: "newsgraph_db_pool_connections",
    help: "PostgreSQL pool connections by state (in_use, idle); absent on the embedded database",
    labelNames: ["state"] as const,
    registers: [registry],
    collect() {
      const stats = db.poolStatus?.();
      if (!stats) return;
      this.set({ state: "in_use" }, stats.inUse);
      this.set({ state: "idle" }, stats.size - stats.inUse);
    },
  });
  new Gauge({
    name: "newsgraph_db_pool_waiting",
    help: "Queries waiting for a free PostgreSQL pool connection; absent on the embedded database",
    registers: [registry],
    collect() {
      const stats = db.poolStatus?.();
      if (stats) this.set(stats.waiting);
    },
  });
  const ingested = new Counter({
    name: "newsgraph_ingest_articles_total",
    help: "Articles ingested by this process, by status (new, updated, unchanged, failed)",
    labelNames: ["status"] as const,
    registers: [registry],
  });
  const ingestFailures = new Counter({
    name: "newsgraph_ingest_failures_total",
    help: "Failed ingests by kind: extraction (the input cannot be read or has no article) or internal (database, bug; retried by the queue)",
    labelNames: ["kind"] as const,
    registers: [registry],
  });
  const ingestLatency = new Histogram({
    name: "newsgraph_ingest_duration_seconds",
    help: "Time to extract and store one article",
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  // Series exist from the start, so rate() and alerts see a 0 before the first ingest.
  for (const status of ["new", "updated", "unchanged", "failed"]) ingested.inc({ status }, 0);
  for (const kind of ["extraction", "internal"]) ingestFailures.inc({ kind }, 0);

  const stopListening = onIngestOutcome((outcome, seconds) => {
    ingested.inc({ status: outcome.status });
    if (outcome.status === "failed") ingestFailures.inc({ kind: outcome.retryable ? "internal" : "extraction" });
    else ingestLatency.observe(seconds);
  });

  return {
    record({ operationName, type, outcome, seconds }) {
      const operation = type === "unresolved" ? "unresolved" : labelOf(operationName);
      requests.inc({ operation, type, outcome });
      if (seconds !== null) latency.observe({ operation, type }, seconds);
    },
    handler(access, apiKey) {
      return async (req, res) => {
        if (access === "off") {
          res.status(404).type("text/plain").send("metrics are turned off on this server (METRICS=off)\n");
          return;
        }
        if (access === "key") {
          try {
            accessFor({ apiKey, readsRequireKey: true }, req.headers);
          } catch (error) {
            res.status(401).type("text/plain").send(`${(error as Error).message}\n`);
            return;
          }
        }
        res.set("cache-control", "no-store").type(registry.contentType).send(await registry.metrics());
      };
    },
    close: () => stopListening(),
  };
}
