// npm run bench:scale -- --articles 10000,100000,1000000 [--duration 10] [--connections 10] [--fresh] [--no-docs]
// Grows ONE PostgreSQL database (newsgraph_scale, created on the server given) through the
// sizes asked for, with synthetic rows written straight into the schema
// (bench/scale-generate.ts), and at each size load-tests the example operations with
// autocannon against newsgraph in its own process: p99 and requests per second, the
// database's size on disk and the server's peak RSS under the load. The database is kept
// for later runs (a subset of sizes reuses what is already grown; --fresh starts over).
// The table is printed and written to docs/performance.md; each size's figures are kept in
// tmp/scale-results.json, so a run of some sizes leaves the others' columns in place.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { Command } from "commander";
import pg from "pg";
import pino from "pino";
import { createDatabase, dropDatabase } from "../src/db/admin.js";
import { openMigratedDatabase } from "../src/db/open.js";
import { OPERATIONS } from "./operations.js";
import { advanceSequences, ensurePersonsAndVenues, insertChunk, personsFor, prepareVocabulary } from "./scale-generate.js";
import { checkConsistency } from "./scale-check.js";
import { formatTable, writeToDocs, type SizeResult } from "./scale-report.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const RESULTS = path.join(ROOT, "tmp", "scale-results.json");
const DATABASE = "newsgraph_scale";

/** The operations measured at every size; $-variables are filled from the grown database. */
function scaleOperations(p: { frequent: string; rare: string; phrase: string; common: string }) {
  const search = (q: string) => ({ query: `query($q: String!) { search(query: $q, first: 10) { totalCountEstimate edges { rank snippet node { title } } } }`, variables: { q } });
  return {
    "article page": OPERATIONS["article page"],
    "person page, frequent": { ...OPERATIONS["person page"], variables: { id: p.frequent } },
    "person page, rare": { ...OPERATIONS["person page"], variables: { id: p.rare } },
    "search, rare phrase": search(`"${p.phrase}"`),
    "search, common words": search(p.common),
    "timeline, a year by day": { query: `query { mentionTimeline(interval: DAY, filter: { publishedAfter: "2020-01-01T00:00:00Z", publishedBefore: "2021-01-01T00:00:00Z" }) { start articleCount } }` },
    "top persons": { query: `query { topPersons(first: 10) { articleCount mentionCount person { name } } }` },
    "co-mention network": OPERATIONS["co-mention network"],
    "venue map": { query: `query { venueMap(first: 100) { articleCount latitude longitude venue { name } } }` },
  };
}

async function grow(url: string, size: number, chunk: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await prepareVocabulary(client);
    const stored = Number((await client.query(`SELECT coalesce(max(id), 0) AS n FROM "Article"`)).rows[0].n);
    if (stored >= size) return;
    await ensurePersonsAndVenues(client, personsFor(size));
    const started = Date.now();
    const timings: number[] = [];
    for (let from = stored + 1; from <= size; from += chunk) {
      const to = Math.min(size, from + chunk - 1);
      await insertChunk(client, from, to, personsFor(size), timings);
      const rate = (to - stored) / ((Date.now() - started) / 1000);
      process.stdout.write(`\r  ${to.toLocaleString("en")} / ${size.toLocaleString("en")} articles, ${rate.toFixed(0)}/s, ETA ${((size - to) / rate).toFixed(0)} s   `);
    }
    console.log(`\n  seconds in article, passage, person, venue, quote, comment inserts: ${timings.map((t) => (t / 1000).toFixed(0)).join(", ")}`);
    console.log(`  ${(size - stored).toLocaleString("en")} articles in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    await advanceSequences(client);
    // Fresh statistics and visibility map, as autovacuum keeps them in a running system.
    const vacuum = Date.now();
    await client.query("VACUUM ANALYZE");
    console.log(`  VACUUM ANALYZE: ${((Date.now() - vacuum) / 1000).toFixed(0)} s`);
  } finally {
    await client.end();
  }
}

/** Parameters of the operations, read from the database: the same choice at every size. */
async function parameters(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const id = (n: number) => Buffer.from(`Person:${n}`).toString("base64url");
    const frequent = (await client.query(`SELECT id FROM "Person" ORDER BY "articleCount" DESC, id LIMIT 1`)).rows[0].id;
    // A person named in the fewest articles (one, at every size).
    const rare = (await client.query(`SELECT id FROM "Person" WHERE "articleCount" > 0 ORDER BY "articleCount", id LIMIT 1`)).rows[0].id;
    // The rarest adjacent pair of words in article 1's opening sentence.
    const body: string = (await client.query(`SELECT body FROM "Article" WHERE id = 1`)).rows[0].body;
    const words = body.split(/[ .]+/).slice(0, 14).map((w) => w.toLowerCase());
    const ranks = new Map<string, number>((await client.query(`SELECT word, rank FROM bench_scale.word WHERE word = ANY($1)`, [words])).rows.map((r) => [r.word, r.rank]));
    let best = 0;
    for (let i = 1; i < words.length - 1; i++) if (Math.min(ranks.get(words[i]!)!, ranks.get(words[i + 1]!)!) > Math.min(ranks.get(words[best]!)!, ranks.get(words[best + 1]!)!)) best = i;
    const common = (await client.query(`SELECT string_agg(word, ' ' ORDER BY rank) AS q FROM bench_scale.word WHERE rank IN (1, 2)`)).rows[0].q;
    const counts = (await client.query(`SELECT (SELECT count(*) FROM "Article")::int AS articles, (SELECT count(*) FROM "Person")::int AS persons,
      (SELECT count(*) FROM "Quote")::int AS quotes, pg_database_size(current_database())::bigint AS bytes,
      (SELECT "articleCount" FROM "Person" WHERE id = $1) AS "frequentArticles"`, [frequent])).rows[0];
    return { frequent: id(frequent), rare: id(rare), phrase: `${words[best]} ${words[best + 1]}`, common, counts };
  } finally {
    await client.end();
  }
}

function startServer(databaseUrl: string): Promise<{ child: ChildProcess; endpoint: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl, PORT: "0", HOST: "127.0.0.1", SAMPLE_DATA: "false", LOG_LEVEL: "info", NODE_ENV: "production",
      // The machine's other tenants can stretch a request past the default time limit; a
      // request answered TIMEOUT would be measured as a fast one (and its connection replaced).
      REQUEST_TIMEOUT_MS: "120000", DATABASE_STATEMENT_TIMEOUT_MS: "120000" },
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = /"url":"(http:\/\/[^"]+\/graphql)"/.exec(output);
      if (match) resolve({ child, endpoint: match[1]! });
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

/** CPU seconds a process has used (user and system), from /proc; 0 once it is gone. */
function cpuSeconds(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** The PostgreSQL backends serving the benchmark database (the server's pool). */
async function backendPids(url: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`)).rows.map((r) => r.pid);
  } finally {
    await client.end();
  }
}

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;

async function load(url: string, body: object, duration: number, connections: number) {
  // A GraphQL error comes with status 200: each answer is read for one.
  let graphqlErrors = 0;
  const request = { method: "POST" as const, headers: { "content-type": "application/json" }, body: JSON.stringify(body),
    onResponse: (_status: number, answer: string) => { if (answer.includes('"errors"')) graphqlErrors++; } };
  const r = await autocannon({ url, duration, connections, requests: [request] });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx + r.timeouts + graphqlErrors };
}

async function measure(databaseUrl: string, size: number, o: { duration: number; connections: number; warmUp: number }): Promise<SizeResult> {
  const p = await parameters(databaseUrl);
  console.log(`  ${p.counts.articles} articles, ${p.counts.persons} persons, ${p.counts.quotes} quotes; the frequent person in ${p.counts.frequentArticles}; phrase "${p.phrase}", common words "${p.common}"`);
  const server = await startServer(databaseUrl);
  const pid = server.child.pid!;
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(pid))), 200);
  const operations: SizeResult["operations"] = {};
  try {
    for (const [name, op] of Object.entries(scaleOperations(p))) {
      const check = (await (await fetch(server.endpoint, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(op) })).json()) as { errors?: unknown };
      if (check.errors) throw new Error(`${name}: ${JSON.stringify(check.errors)}`);
      await load(server.endpoint, op, o.warmUp, o.connections);
      // CPU per request, the server's and PostgreSQL's: less at the mercy of the machine's
      // other tenants than latency is (a starved process waits longer, but works as much).
      const backends = await backendPids(databaseUrl);
      const serverBefore = cpuSeconds(pid);
      const backendsBefore = backends.map(cpuSeconds);
      const r = await load(server.endpoint, op, o.duration, o.connections);
      const serverCpu = cpuSeconds(pid) - serverBefore;
      // A backend that ended meanwhile (the pool closed it) is left out rather than counted negative.
      const databaseCpu = backends.reduce((sum, b, i) => sum + Math.max(0, cpuSeconds(b) - backendsBefore[i]!), 0);
      const requests = Math.max(1, r.rps * o.duration);
      operations[name] = { ...r, serverCpuMs: (serverCpu * 1000) / requests, databaseCpuMs: (databaseCpu * 1000) / requests };
      console.log(`  ${name.padEnd(26)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${String(r.p50).padStart(5)} ms  p99 ${String(r.p99).padStart(5)} ms  errors ${r.errors}  CPU ms/request: server ${operations[name]!.serverCpuMs!.toFixed(1)}, PostgreSQL ${operations[name]!.databaseCpuMs!.toFixed(1)}`);
    }
  } finally {
    clearInterval(sampler);
    server.child.kill("SIGTERM");
  }
  const load1 = fs.readFileSync("/proc/loadavg", "utf8").split(" ")[0];
  return { articles: size, databaseMb: Number(p.counts.bytes) / 2 ** 20, peakRssMb: peakRss, operations, measuredAt: new Date().toISOString(), loadAverage: Number(load1) };
}

const program = new Command("bench-scale")
  .option("--articles <sizes>", "corpus sizes, comma-separated, grown in order", "10000,100000,1000000")
  .option("--database <url>", "PostgreSQL server", process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres")
  .option("--duration <s>", "seconds per operation", "10")
  .option("--warm-up <s>", "unmeasured seconds of the same load before each", "3")
  .option("--connections <n>", "concurrent connections", "10")
  .option("--chunk <n>", "articles per insert transaction", "5000")
  .option("--fresh", "drop the database first")
  .option("--check", "compare the kept counts with counting them (slow at a million)")
  .option("--no-measure", "only grow the database")
  .option("--no-docs", "do not write docs/performance.md")
  .option("--drop", "drop the database at the end")
  .action(async (o: { articles: string; database: string; duration: string; warmUp: string; connections: string; chunk: string; fresh?: boolean; check?: boolean; docs: boolean; measure: boolean; drop?: boolean }) => {
    const sizes = o.articles.split(",").map(Number).sort((a, b) => a - b);
    if (o.fresh) await dropDatabase(o.database, DATABASE);
    const url = await createDatabase(o.database, DATABASE, { ifMissing: true });
    const db = await openMigratedDatabase(url, pino({ level: "silent" }));
    await db.close();
    const results: Record<string, SizeResult> = fs.existsSync(RESULTS) ? JSON.parse(fs.readFileSync(RESULTS, "utf8")) : {};
    for (const size of sizes) {
      console.log(`\n${size.toLocaleString("en")} articles:`);
      await grow(url, size, Number(o.chunk));
      if (o.check) await checkConsistency(url);
      if (!o.measure) continue;
      results[size] = await measure(url, size, { duration: Number(o.duration), connections: Number(o.connections), warmUp: Number(o.warmUp) });
      fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
      fs.writeFileSync(RESULTS, JSON.stringify(results, null, 2));
    }
    const table = formatTable(Object.values(results).sort((a, b) => a.articles - b.articles), Number(o.connections), Number(o.duration));
    console.log(`\n${table}`);
    if (o.docs) writeToDocs(path.join(ROOT, "docs", "performance.md"), table);
    if (o.drop) await dropDatabase(o.database, DATABASE);
  });

await program.parseAsync();
