// npm run bench:compiled-memory -- [--queries 100000] [--concurrency 8] [--server-heap-mb N]
// Distinct query documents, each sent twice (the second request compiles it with
// graphql-jit), against a newsgraph server process on a fresh embedded database with the
// sample articles: the server's resident memory as the queries go by. It should level off
// once the caches of parsed and compiled documents are full, not grow with every query.
// V8 collects lazily, so RSS over a short run overstates what is kept: --server-heap-mb
// caps the server's heap, and a server that keeps too much then dies before the end.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Command } from "commander";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Resident memory of a process, in MB (Linux /proc). */
function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

/** Query number i: the same work every time, a different text (an alias) each time. */
const distinctQuery = (i: number) => `query Q${i} { a${i}: articles(first: 2) { id title persons { name } } }`;

const program = new Command("bench-compiled-memory")
  .option("--queries <n>", "distinct query documents, each sent twice", "100000")
  .option("--concurrency <n>", "requests in flight", "8")
  .option("--server-heap-mb <n>", "the server's V8 heap limit (--max-old-space-size)")
  .action(async (o: { queries: string; concurrency: string; serverHeapMb?: string }) => {
    const total = Number(o.queries);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "newsgraph-compiled-memory-"));
    // The compiled server, as npm start runs it (npm run build first).
    const heap = o.serverHeapMb ? [`--max-old-space-size=${Number(o.serverHeapMb)}`] : [];
    const child = spawn(process.execPath, [...heap, "dist/src/main.js"], {
      cwd: ROOT, env: { ...process.env, DATABASE_URL: `pglite:${dataDir}`, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", NODE_ENV: "production" },
    });
    let output = "";
    try {
      const endpoint = await new Promise<string>((resolve, reject) => {
        child.stdout.on("data", (c) => { output += c; const m = /"url":"(http:\/\/[^"]+\/graphql)"/.exec(output); if (m) resolve(m[1]!); });
        child.stderr.on("data", (c) => (output += c));
        child.once("exit", (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
      });
      const ask = async (query: string) => {
        const res = await fetch(endpoint, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
        const body = (await res.json()) as { errors?: { message: string }[] };
        if (!res.ok || body.errors) throw new Error(`${res.status}: ${JSON.stringify(body.errors)}`);
      };
      // Warm up on queries outside the measured range.
      for (let i = 0; i < 200; i++) await ask(distinctQuery(total + (i % 20)));
      const before = rssOf(child.pid!);
      const started = Date.now();
      console.log(`RSS before: ${before} MB; ${total} distinct queries, each sent twice`);
      let next = 0;
      const samples: string[] = [];
      const step = Math.max(1, Math.floor(total / 10));
      const worker = async () => {
        while (next < total) {
          const i = next++;
          await ask(distinctQuery(i));
          await ask(distinctQuery(i));
          if ((i + 1) % step === 0) {
            samples.push(`${i + 1}: ${rssOf(child.pid!)} MB`);
            console.log(`  after ${samples.at(-1)}`);
          }
        }
      };
      const died = new Promise<never>((_, reject) => child.once("exit", (code, signal) => reject(new Error(`the server died (${signal ?? `exit ${code}`}) after ${next} queries:\n${output.split("\n").slice(-8).join("\n")}`))));
      await Promise.race([Promise.all(Array.from({ length: Number(o.concurrency) }, worker)), died]);
      const after = rssOf(child.pid!);
      console.log(`RSS along the way: ${samples.join(", ")}`);
      console.log(`RSS after: ${after} MB (${after - before >= 0 ? "+" : ""}${after - before} MB) in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    } finally {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

program.parseAsync().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
