// One process at a time in an embedded PGlite folder: the ingest CLI refuses the folder a
// running server holds, naming the server, and writes nothing; once the server stops the
// CLI stores, and the next server sees what it stored. A server killed with kill -9 leaves
// a lock that the next start takes over. The server and the CLI run as real processes
// started as `node --import tsx FILE`: no wrapper process, so the PID they print and the PID
// that kill -9 reaches are those of the process holding the database.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { syntheticArticle } from "../bench/synthetic.js";
import { LOCK_FILE_NAME, lockDataFolder } from "../src/db/pglite-lock.js";
import { DatabaseConfigError } from "../src/db/target.js";
import { PROJECT_ROOT } from "./helpers/shared.js";

const ARTICLES = 3;

interface Server {
  child: ChildProcess;
  url: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running = new Set<ChildProcess>();

function startServer(dataDir: string): Promise<Server> {
  const { NODE_ENV: _, ...shellEnv } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: PROJECT_ROOT,
    env: { ...shellEnv, DATABASE_URL: `pglite:${dataDir}`, SAMPLE_DATA: "false", LOG_LEVEL: "info", HOST: "127.0.0.1", PORT: "0" },
  });
  running.add(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    }),
  );
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server not ready in 90 s:\n${output}`)), 90_000);
    child.stdout.on("data", (chunk) => {
      output += chunk;
      const ready = /"url":"(http:\/\/[^"]+)\/graphql"[^\n]*newsgraph is ready/.exec(output);
      if (ready) {
        clearTimeout(timer);
        resolve({ child, url: ready[1]!, exited });
      }
    });
    child.stderr.on("data", (chunk) => (output += chunk));
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it was ready:\n${output}`));
    });
  });
}

function runIngest(dataDir: string, folder: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/ingest.ts", folder], {
    cwd: PROJECT_ROOT, env: { ...process.env, DATABASE_URL: `pglite:${dataDir}`, LOG_LEVEL: "silent" },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c) => (stdout += c));
  child.stderr.on("data", (c) => (stderr += c));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, stdout, stderr })));
}

async function articleTitles(url: string): Promise<string[]> {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ articles(first: 100) { title } }" }),
  });
  const body = (await res.json()) as { data?: { articles: { title: string }[] }; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data!.articles.map((a) => a.title).sort();
}

async function stop(server: Server): Promise<number | null> {
  server.child.kill("SIGTERM");
  return (await server.exited).code;
}

const tempDirs: string[] = [];
const tempDir = (prefix: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
};

afterEach(() => {
  for (const child of running) child.kill("SIGKILL");
});
afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe("the server and the ingest CLI on one embedded folder", () => {
  it("the CLI is refused while the server runs, stores once it stops, and a server killed with kill -9 leaves no lock behind", async () => {
    const dataDir = tempDir("newsgraph-one-writer-");
    const folder = tempDir("newsgraph-one-writer-input-");
    for (let i = 0; i < ARTICLES; i++) {
      const article = syntheticArticle(i, 16);
      fs.writeFileSync(path.join(folder, article.name), article.content);
    }

    const first = await startServer(dataDir);
    const refused = await runIngest(dataDir, folder);
    expect(refused.code, refused.stdout + refused.stderr).toBe(1);
    const lines = refused.stderr.split("\n").filter((l) => l.trim());
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`embedded PGlite at ${dataDir.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} is in use by PID ${first.child.pid} \\(src/main\\.ts, since \\d{4}-`));
    expect(lines[0]).toMatch(/stop that one first.*DATABASE_URL.*PostgreSQL/);
    expect(refused.stdout).not.toMatch(/articles: \d+ new/);
    // Nothing was written behind the server's back, and the server still answers.
    expect(await articleTitles(first.url)).toEqual([]);
    expect(await stop(first)).toBe(0);
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE_NAME))).toBe(false);

    const stored = await runIngest(dataDir, folder);
    expect(stored.code, stored.stdout + stored.stderr).toBe(0);
    expect(stored.stdout).toMatch(new RegExp(`articles: ${ARTICLES} new, 0 updated, 0 unchanged, 0 failed`));

    const second = await startServer(dataDir);
    const seen = await articleTitles(second.url);
    expect(seen).toHaveLength(ARTICLES);
    second.child.kill("SIGKILL");
    expect((await second.exited).signal).toBe("SIGKILL");
    // The killed server's lock is still there, naming a PID that no longer runs.
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, LOCK_FILE_NAME), "utf8")).pid).toBe(second.child.pid);

    const third = await startServer(dataDir);
    expect(await articleTitles(third.url)).toEqual(seen);
    expect(await stop(third)).toBe(0);
  }, 300_000);
});

describe("the lock file", () => {
  const lockFile = (dir: string) => path.join(dir, LOCK_FILE_NAME);
  const write = (dir: string, holder: object) => fs.writeFileSync(lockFile(dir), JSON.stringify({ host: os.hostname(), command: "src/main.ts", since: "2026-01-01T00:00:00.000Z", token: "t", startTicks: null, ...holder }));
  const expectRefused = (dir: string, message: RegExp) => {
    let error: unknown;
    try {
      lockDataFolder(dir, `embedded PGlite at ${dir}`).release();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain("\n");
  };

  it("refuses a second open in the same process until the first is released", () => {
    const dir = tempDir("newsgraph-lock-");
    const lock = lockDataFolder(dir, "the folder");
    expectRefused(dir, /already open in this process/);
    lock.release();
    lockDataFolder(dir, "the folder").release();
    expect(fs.existsSync(lockFile(dir))).toBe(false);
  });

  it("refuses a folder whose holder runs, naming it", () => {
    const dir = tempDir("newsgraph-lock-");
    // PID 1 always runs; its start time is left out, as on a system without /proc.
    write(dir, { pid: 1 });
    expectRefused(dir, /is in use by PID 1 \(src\/main\.ts, since 2026-01-01T00:00:00\.000Z\)/);
    expect(fs.existsSync(lockFile(dir))).toBe(true);
  });

  it("counts a lock written on another machine as held, and says which file to remove", () => {
    const dir = tempDir("newsgraph-lock-");
    write(dir, { pid: 1, host: "elsewhere.example" });
    expectRefused(dir, new RegExp(`PID 1 on elsewhere\\.example .*remove ${lockFile(dir).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
  });

  it("leaves alone a lock file just created and not yet written: its writer may still be writing it", () => {
    const dir = tempDir("newsgraph-lock-");
    fs.writeFileSync(lockFile(dir), "");
    expectRefused(dir, /the lock file .* did not settle in 5 s: remove it if no newsgraph process uses the folder/);
    expect(fs.existsSync(lockFile(dir))).toBe(true);
  });

  it("takes over a lock whose process has ended, or whose PID now belongs to another process", async () => {
    const dir = tempDir("newsgraph-lock-");
    const ended = spawn(process.execPath, ["-e", ""]);
    await new Promise((done) => ended.once("exit", done));
    write(dir, { pid: ended.pid });
    const lock = lockDataFolder(dir, "the folder");
    expect(JSON.parse(fs.readFileSync(lockFile(dir), "utf8")).pid).toBe(process.pid);
    lock.release();

    // PID 1 runs, but it is not the process that wrote the lock: that one started at another time.
    if (fs.existsSync("/proc/1/stat")) {
      write(dir, { pid: 1, startTicks: 123456789 });
      lockDataFolder(dir, "the folder").release();
    }
    // An unreadable lock old enough not to be mid-write (its writer died between creating and writing it).
    fs.writeFileSync(lockFile(dir), "");
    fs.utimesSync(lockFile(dir), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    lockDataFolder(dir, "the folder").release();
    expect(fs.existsSync(lockFile(dir))).toBe(false);
  });

  it("goes to exactly one of several processes that find the same stale lock at the same moment", async () => {
    const dir = tempDir("newsgraph-lock-race-");
    const ended = spawn(process.execPath, ["-e", ""]);
    await new Promise((done) => ended.once("exit", done));
    write(dir, { pid: ended.pid });
    const racers = [1, 2, 3, 4].map((id) => {
      const child = spawn(process.execPath, ["--import", "tsx", "tests/helpers/lock-racer.ts", dir, String(id)], { cwd: PROJECT_ROOT });
      running.add(child);
      let output = "";
      child.stdout.on("data", (c) => (output += c));
      child.stderr.on("data", (c) => (output += c));
      const exited = new Promise<void>((done) => child.once("exit", () => {
        running.delete(child);
        done();
      }));
      return { said: () => output, exited };
    });
    const until = async (done: () => boolean) => {
      while (!done()) await new Promise((r) => setTimeout(r, 20));
    };
    await until(() => [1, 2, 3, 4].every((id) => fs.existsSync(path.join(dir, `ready-${id}`))));
    fs.writeFileSync(path.join(dir, "go"), "");
    await until(() => racers.every((r) => r.said().includes("\n")));
    fs.writeFileSync(path.join(dir, "done"), "");
    await Promise.all(racers.map((r) => r.exited));
    const said = racers.map((r) => r.said().trim());
    expect(said.filter((s) => s === "got"), said.join("\n")).toHaveLength(1);
    expect(said.filter((s) => /^refused: the folder is in use by PID \d+ \(tests\/helpers\/lock-racer\.ts/.test(s)), said.join("\n")).toHaveLength(3);
    expect(fs.existsSync(lockFile(dir))).toBe(false);
  }, 120_000);
});
