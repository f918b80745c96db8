// npm run bench:queries -- [--database postgresql://…] [--articles 5000] [--duration 10] [--connections 10] [--repeat 1] [--postgraphile [--rounds 3]]
// Serves a PostgreSQL database of synthetic articles with newsgraph (a separate process, as
// in production) and load-tests four representative operations with autocannon: requests
// per second, p50 and p99 latency, and the SQL statements one request sends. With
// --postgraphile, PostGraphile 5 serves the same database and answers the article page too,
// in rounds alternating with newsgraph's.
import "reflect-metadata";
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { Command } from "commander";
import pino from "pino";
import { createDatabase } from "../src/db/admin.js";
import { openMigratedDatabase } from "../src/db/open.js";
import { ingestInput } from "../src/ingest/pipeline.js";
import { startServer } from "../src/server/app.js";
import { corpusDatabaseName, OPERATIONS } from "./operations.js";
import { syntheticArticle } from "./synthetic.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const quiet = pino({ level: "silent" });
/**
 * Load before each measurement, unmeasured: V8 optimises the server's code and the
 * compiled queries over the first seconds; 2 s left the first operation measured slow.
 */
const WARM_UP_SECONDS = 5;



/** The database of `count` synthetic articles, made once and kept for later runs. */
async function corpusDatabase(serverUrl: string, count: number): Promise<string> {
  const name = corpusDatabaseName(count);
  const url = await createDatabase(serverUrl, name, { ifMissing: true });
  const db = await openMigratedDatabase(url, quiet);
  const stored = await db.prisma.article.count();
  if (stored < count) {
    console.log(`building the corpus: ${count - stored} more articles into ${name} …`);
    let next = stored;
    const worker = async () => {
      for (let i = next++; i < count; i = next++) {
        const a = syntheticArticle(i, 5);
        await ingestInput(db.prisma, a.name, a.content);
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
  }
  // Fresh statistics and visibility map, as autovacuum keeps them in a running system:
  // without statistics the planner misjudges the joins (and compiles them with JIT, for
  // hundreds of milliseconds); without the visibility map a count reads the whole table
  // instead of an index.
  await db.prisma.$executeRawUnsafe("VACUUM ANALYZE");
  await db.close();
  return url;
}

function startProcess(command: string, args: string[], env: Record<string, string>, ready: RegExp): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env } });
  let output = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = ready.exec(output);
      if (match) resolve({ child, match });
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`${command} exited with ${code}:\n${output}`)));
  });
}

async function load(url: string, body: object, duration: number, connections: number) {
  const result = await autocannon({
    url, method: "POST", duration, connections, headers: { "content-type": "application/json" }, body: JSON.stringify(body),
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx + result.timeouts };
}

const program = new Command("bench-queries")
  .option("--database <url>", "PostgreSQL server", process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres")
  .option("--articles <n>", "corpus size", "5000")
  .option("--duration <s>", "seconds per operation", "10")
  .option("--connections <n>", "concurrent connections", "10")
  .option("--postgraphile", "also serve the database with PostGraphile 5 and compare the article page")
  .option("--rounds <n>", "with --postgraphile: alternating rounds of the comparison", "3")
  .option("--repeat <n>", "measure the operations in turn this many times; the median run is shown, with the range", "1")
  .action(async (o: { database: string; articles: string; duration: string; connections: string; postgraphile?: boolean; rounds: string; repeat: string }) => {
    const databaseUrl = await corpusDatabase(o.database, Number(o.articles));

    // Statements per request, counted in-process on the same database.
    const db = await openMigratedDatabase(databaseUrl, quiet);
    const probe = await startServer({ db, log: quiet, port: 0, host: "127.0.0.1" });
    const personId = (await db.prisma.$queryRaw<{ id: number }[]>`
      SELECT "personId" AS id FROM "ArticlePerson" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`)[0]!.id;
    const variables = { id: Buffer.from(`Person:${personId}`).toString("base64url") };
    const statements: Record<string, number> = {};
    for (const [name, op] of Object.entries(OPERATIONS)) {
      let count = 0;
      const stop = db.onStatement(() => count++);
      const res = await fetch(`${probe.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ ...op, variables }) });
      const answer = (await res.json()) as { errors?: unknown[] };
      stop();
      if (answer.errors) throw new Error(`${name}: ${JSON.stringify(answer.errors)}`);
      statements[name] = count;
    }
    await probe.close();
    await db.close();

    const server = await startProcess(process.execPath, ["--import", "tsx", "src/main.ts"], {
      DATABASE_URL: databaseUrl, PORT: "0", HOST: "127.0.0.1", SAMPLE_DATA: "false", LOG_LEVEL: "info", NODE_ENV: "production",
    }, /"url":"(http:\/\/[^"]+\/graphql)"/);
    const endpoint = server.match[1]!;
    // The machine's speed drifts from one minute to the next: with --repeat, the operations
    // are measured in turn that many times, and each one's median run is shown with the range.
    const runs: Record<string, Awaited<ReturnType<typeof load>>[]> = {};
    try {
      for (let cycle = 0; cycle < Number(o.repeat); cycle++) {
        for (const [name, op] of Object.entries(OPERATIONS)) {
          await load(endpoint, { ...op, variables }, WARM_UP_SECONDS, Number(o.connections));
          (runs[name] ??= []).push(await load(endpoint, { ...op, variables }, Number(o.duration), Number(o.connections)));
        }
      }
      const repeated = Number(o.repeat) > 1;
      console.log(`\n${o.articles} articles on PostgreSQL, ${o.connections} connections, ${o.duration} s per operation${repeated ? `, ${o.repeat} runs each in turn (the median run; the range of all)` : ""}\n`);
      console.log(`| operation            |  req/s | p50 ms | p99 ms | statements | errors |${repeated ? " req/s range | p99 range |" : ""}`);
      console.log(`|----------------------|--------|--------|--------|------------|--------|${repeated ? "-------------|-----------|" : ""}`);
      for (const [name, all] of Object.entries(runs)) {
        const sorted = [...all].sort((a, b) => a.rps - b.rps);
        const r = sorted[Math.floor((sorted.length - 1) / 2)]!;
        const errors = all.reduce((sum, run) => sum + run.errors, 0);
        const range = (values: number[], digits = 0) => `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;
        const ranges = repeated ? ` ${range(all.map((x) => x.rps)).padStart(11)} | ${range(all.map((x) => x.p99)).padStart(9)} |` : "";
        console.log(`| ${name.padEnd(20)} | ${r.rps.toFixed(0).padStart(6)} | ${String(r.p50).padStart(6)} | ${String(r.p99).padStart(6)} | ${String(statements[name]).padStart(10)} | ${String(errors).padStart(6)} |${ranges}`);
      }
      if (o.postgraphile) {
        const { comparePostGraphile } = await import("./postgraphile.js");
        const ours = { url: endpoint, body: { ...OPERATIONS["article page"], variables } };
        await comparePostGraphile(databaseUrl, ours, Number(o.duration), Number(o.connections), load, Number(o.rounds), WARM_UP_SECONDS);
      }
    } finally {
      server.child.kill("SIGTERM");
    }
  });

await program.parseAsync();
