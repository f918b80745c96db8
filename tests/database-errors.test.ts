// The kinds database errors are answered as (issue 16, item 6), for the errors the drivers
// and Prisma actually throw: pg's, pg-pool's and PGlite's from a real statement, and
// Prisma's as its messages and codes have them.
import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { databaseErrorKind, PoolBusyError, RequestAbortedError } from "../src/db/database-errors.js";
import { readSettings } from "../src/config.js";

const prismaError = (name: string, message: string, extra: object = {}) => Object.assign(new Error(message), { name, ...extra });

describe("database errors by kind", () => {
  it("tells an unreachable database from a busy pool, a time limit and a cancel", () => {
    expect(databaseErrorKind(prismaError("PrismaClientInitializationError", "Can't reach database server at 127.0.0.1:5432", { errorCode: "P1001" }))).toBe("unreachable");
    expect(databaseErrorKind(prismaError("PrismaClientKnownRequestError", "Database error. Code: 57P03", { code: "P2010" }))).toBe("unreachable");
    expect(databaseErrorKind(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe("unreachable");
    expect(databaseErrorKind(new Error("timeout exceeded when trying to connect"))).toBe("busy");
    expect(databaseErrorKind(new PoolBusyError(5000))).toBe("busy");
    expect(databaseErrorKind(Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014", severity: "ERROR" }))).toBe("timeout");
    expect(databaseErrorKind(Object.assign(new Error("canceling statement due to user request"), { code: "57014", severity: "ERROR" }))).toBe("cancelled");
    expect(databaseErrorKind({ originalError: new RequestAbortedError("deadline") })).toBe("timeout");
    expect(databaseErrorKind({ originalError: new RequestAbortedError("disconnected") })).toBe("cancelled");
  });

  it("calls a data error that slipped past validation a database error, and a plain bug none", async () => {
    expect(databaseErrorKind(prismaError("PrismaClientKnownRequestError", "Raw query failed. Code: `22P05`. Message: `unsupported Unicode escape sequence`", { code: "P2010", meta: { code: "22P05" } }))).toBe("database");
    const pglite = await PGlite.create();
    try {
      const error = await pglite.query("SELECT 'x'::int").catch((e: unknown) => e);
      expect(databaseErrorKind(error)).toBe("database");
    } finally {
      await pglite.close();
    }
    expect(databaseErrorKind(new TypeError("cannot read properties of undefined"))).toBeNull();
  });
});

describe("production mode", () => {
  it("is on unless NODE_ENV says development or test", () => {
    expect(readSettings({}).production).toBe(true);
    expect(readSettings({ NODE_ENV: "production" }).production).toBe(true);
    expect(readSettings({ NODE_ENV: "staging" }).production).toBe(true);
    expect(readSettings({ NODE_ENV: "development" }).production).toBe(false);
    expect(readSettings({ NODE_ENV: "test" }).production).toBe(false);
  });
});
