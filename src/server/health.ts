import type { Request, Response } from "express";
import { describePgError, type Database } from "../db/connection.js";

const PING_TIMEOUT_MS = 2_000;

/**
 * GET /health: 200 when the database answers, 503 when it does not. The ping does not queue
 * for a pooled connection (connection.ts), so a busy server answers 200 "up" with its pool's
 * load beside, and "down" means the database itself did not answer. In production the
 * reason is not shown: a driver's words name hosts and ports.
 */
export function healthHandler(db: Database, production: boolean) {
  return async (_req: Request, res: Response) => {
    const pool = db.poolStatus?.();
    try {
      await Promise.race([
        db.ping(),
        new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${PING_TIMEOUT_MS} ms`)), PING_TIMEOUT_MS).unref()),
      ]);
      res.json({ status: "ok", database: { status: "up", kind: db.target.kind, ...(pool ? { pool } : {}) } });
    } catch (error) {
      const reason = production ? "the database does not answer" : describePgError(error);
      res.status(503).json({ status: "degraded", database: { status: "down", kind: db.target.kind, error: reason } });
    }
  };
}
