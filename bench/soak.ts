// npm run bench:soak -- [--database URL] [--articles 5000] [--seconds 60] [--rate 50] [--warm-up 10]
//   [--connections 50] [--ingests 2]
// A fixed request rate against a newsgraph server process for a while: errors (should be
// none), latency, and the server's memory over time (should stay flat). The same load runs
// unmeasured first, so that the latency is not that of a server V8 has not optimised yet.
// Beside the reads, `--ingests` loops send new articles through the ingestArticles
// mutation, so that writes share the server's connections with the reads. A GraphQL error
// in a 200 answer counts as an error too.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { Command } from "commander";
import pg from "pg";
import { withDatabaseName } from "../src/db/admin.js";
import { corpusDatabaseName, OPERATIONS } from "./operations.js";
import { syntheticArticle } from "./synthetic.js";

const API_KEY = "bench-soak-key-0123456789";

/** Sends batches of new synthetic articles through the API until `stop` says so; counts batches and failures. */
async function ingestBeside(endpoint: string, loop: number, stop: () => boolean, tally: { batches: number; failures: number; firstFailure?: string }) {
  const mutation = `mutation($inputs: [IngestArticleInput!]!) { ingestArticles(inputs: $inputs) { status error } }`;
  for (let batch = 0; !stop(); batch++) {
    // Indices far from the corpus's own, and a seed of their own, so that every article is new.
    const inputs = Array.from({ length: 5 }, (_, i) => {
      const article = syntheticArticle(1_000_000 + loop * 100_000 + batch * 5 + i, 9);
      return article.format === "html" ? { html: article.content } : { text: article.content };
    });
    try {
      const res = await fetch(endpoint, { method: "POST", headers: { "content-type": "application/json", "x-api-key": API_KEY }, body: JSON.stringify({ query: mutation, variables: { inputs } }) });
      const body = (await res.json()) as { errors?: { message: string }[]; data?: { ingestArticles: { status: string; error: string | null }[] } };
      const failed = body.errors?.[0]?.message ?? body.data?.ingestArticles.find((r) => r.status === "FAILED")?.error;
      tally.batches++;
      if (failed || res.status !== 200) {
        tally.failures++;
        tally.firstFailure ??= failed ?? `HTTP ${res.status}`;
      }
    } catch (error) {
      tally.failures++;
      tally.firstFailure ??= (error as Error).message;
    }
  }
}

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
  .option("--connections <n>", "concurrent HTTP connections of the reads", "50")
  .option("--ingests <n>", "loops ingesting new articles through the API beside the reads", "2")
  .action(async (o: { database: string; articles: string; seconds: string; rate: string; warmUp: string; connections: string; ingests: string }) => {
    const name = corpusDatabaseName(o.articles);
    const url = withDatabaseName(o.database, name);
    const check = new pg.Client({ connectionString: url });
    await check.connect().catch(() => { throw new Error(`no corpus database ${name}: run npm run bench:queries first`); });
    await check.end();

    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: ROOT, env: { ...process.env, DATABASE_URL: url, PORT: "0", HOST: "127.0.0.1", SAMPLE_DATA: "false", LOG_LEVEL: "info", NODE_ENV: "production", API_KEY },
    });
    let output = "";
    const endpoint = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (c) => { output += c; const m = /"url":"(http:\/\/[^"]+\/graphql)"/.exec(output); if (m) resolve(m[1]!); });
      child.once("exit", (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
    });
    const memory: number[] = [];
    let sampler: NodeJS.Timeout | undefined;
    let stopIngests = false;
    const ingestTally = { batches: 0, failures: 0 } as { batches: number; failures: number; firstFailure?: string };
    const ingests = Array.from({ length: Number(o.ingests) }, (_, loop) => ingestBeside(endpoint, loop, () => stopIngests, ingestTally));
    try {
      // A mix of the representative operations, round robin.
      const bodies = [OPERATIONS["article page"], OPERATIONS.search, OPERATIONS["co-mention network"]].map((op) => JSON.stringify(op));
      let graphqlErrors = 0;
      let firstGraphqlError: string | undefined;
      const run = (seconds: number) => autocannon({
        url: endpoint, method: "POST", duration: seconds, connections: Number(o.connections), overallRate: Number(o.rate),
        requests: bodies.map((body) => ({
          method: "POST", headers: { "content-type": "application/json" }, body,
          // A 200 answer may still carry errors (a busy pool, a time limit): those count too.
          onResponse: (_status: number, responseBody: string) => {
            if (!responseBody.includes('"errors"')) return;
            graphqlErrors++;
            firstGraphqlError ??= responseBody.slice(0, 300);
          },
        })),
      });
      const warmUp = Number(o.warmUp);
      const warmUpErrors = warmUp > 0 ? await run(warmUp).then((r) => r.errors + r.non2xx + r.timeouts) : 0;
      memory.push(rssOf(child.pid!));
      sampler = setInterval(() => memory.push(rssOf(child.pid!)), 5_000);
      const result = await run(Number(o.seconds));
      const errors = result.errors + result.non2xx + result.timeouts + warmUpErrors + graphqlErrors;
      stopIngests = true;
      await Promise.all(ingests);
      const first = memory[0] ?? 0;
      const last = memory.at(-1) ?? 0;
      console.log(`soak: ${o.seconds} s at ${o.rate} req/s after ${warmUp} s of warm-up: ${result.requests.total} requests, ${errors} errors (warm-up included), p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms;` +
        ` server RSS ${first.toFixed(0)} MB at the start, ${last.toFixed(0)} MB at the end (samples every 5 s: ${memory.map((m) => m.toFixed(0)).join(", ")});` +
        ` ${o.connections} connections; beside them ${o.ingests} ingest loops sent ${ingestTally.batches} batches of 5 articles, ${ingestTally.failures} failed`);
      if (firstGraphqlError) console.log(`first GraphQL error: ${firstGraphqlError}`);
      if (ingestTally.firstFailure) console.log(`first ingest failure: ${ingestTally.firstFailure}`);
    } finally {
      stopIngests = true;
      clearInterval(sampler);
      child.kill("SIGTERM");
    }
  });

await program.parseAsync();
