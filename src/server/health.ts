import type { Request, Response } from "express";
import type { Database } from "../db/connection.js";

const PING_TIMEOUT_MS = 2_000;

/** GET /health: 200 when the database answers, 503 (with the reason) when it does not. */
export function healthHandler(db: Database) {
  return async (_req: Request, res: Response) => {
    try {
      await Promise.race([
        db.ping(),
        new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${PING_TIMEOUT_MS} ms`)), PING_TIMEOUT_MS).unref()),
      ]);
      res.json({ status: "ok", database: { status: "up", kind: db.target.kind } });
    } catch (error) {
      res.status(503).json({ status: "degraded", database: { status: "down", kind: db.target.kind, error: (error as Error).message } });
    }
  };
}
