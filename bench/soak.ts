// npm run bench:soak -- [--database URL] [--articles 5000] [--seconds 60] [--rate 50] [--warm-up 10]
// A fixed request rate against a newsgraph server process for a while: errors (should be
// none), latency, and the server's memory over time (should stay flat). The same load runs
// unmeasured first, so that the latency is not that of a server V8 has not optimised yet.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { Command } from "commander";
import pg from "pg";
import { withDatabaseName } from "../src/db/admin.js";
import { corpusDatabaseName, OPERATIONS } from "./operations.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Resident memory of a process, in MB (Linux /proc). */
function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

const program = new Command("bench-soak")
  .option("--database <url>", "PostgreSQL server", process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres")
  .option("--articles <n>", "corpus size (a database made by bench:queries)", "5000")
  .option("--seconds <n>", "how long", "60")
  .option("--rate <n>", "requests per second, in all", "50")
  .option("--warm-up <s>", "seconds of the same load before the measured run", "10")
  .action(async (o: { database: string; articles: string; seconds: string; rate: string; warmUp: string }) => {
    const name = corpusDatabaseName(o.articles);
    const url = withDatabaseName(o.database, name);
    const check = new pg.Client({ connectionString: url });
    await check.connect().catch(() => { throw new Error(`no corpus database ${name}: run npm run bench:queries first`); });
    await check.end();

    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: ROOT, env: { ...process.env, DATABASE_URL: url, PORT: "0", HOST: "127.0.0.1", SAMPLE_DATA: "false", LOG_LEVEL: "info", NODE_ENV: "production" },
    });
    let output = "";
    const endpoint = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (c) => { output += c; const m = /"url":"(http:\/\/[^"]+\/graphql)"/.exec(output); if (m) resolve(m[1]!); });
      child.once("exit", (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
    });
    const memory: number[] = [];
    let sampler: NodeJS.Timeout | undefined;
    try {
      // A mix of the representative operations, round robin.
      const bodies = [OPERATIONS["article page"], OPERATIONS.search, OPERATIONS["co-mention network"]].map((op) => JSON.stringify(op));
      const run = (seconds: number) => autocannon({
        url: endpoint, method: "POST", duration: seconds, connections: 10, overallRate: Number(o.rate),
        requests: bodies.map((body) => ({ method: "POST", headers: { "content-type": "application/json" }, body })),
      });
      const warmUp = Number(o.warmUp);
      const warmUpErrors = warmUp > 0 ? await run(warmUp).then((r) => r.errors + r.non2xx + r.timeouts) : 0;
      memory.push(rssOf(child.pid!));
      sampler = setInterval(() => memory.push(rssOf(child.pid!)), 5_000);
      const result = await run(Number(o.seconds));
      const errors = result.errors + result.non2xx + result.timeouts + warmUpErrors;
      const first = memory[0] ?? 0;
      const last = memory.at(-1) ?? 0;
      console.log(`soak: ${o.seconds} s at ${o.rate} req/s after ${warmUp} s of warm-up: ${result.requests.total} requests, ${errors} errors (warm-up included), p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms;` +
        ` server RSS ${first.toFixed(0)} MB at the start, ${last.toFixed(0)} MB at the end (samples every 5 s: ${memory.map((m) => m.toFixed(0)).join(", ")})`);
    } finally {
      clearInterval(sampler);
      child.kill("SIGTERM");
    }
  });

await program.parseAsync();
