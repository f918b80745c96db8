// npm run bench:compiled-memory -- [--queries 100000] [--concurrency 8] [--server-heap-mb N] [--samples 10] [--log FILE]
// Distinct query documents, each sent twice (the second request compiles it with
// graphql-jit), against a newsgraph server process on a fresh embedded database with the
// sample articles: the server's resident memory and heap as the queries go by. It should
// level off once the caches of parsed and compiled documents are full, not grow with every
// query. V8 collects lazily, so RSS over a short run overstates what is kept:
// --server-heap-mb caps the server's heap, and a server that keeps too much then dies
// before the end. The server's own output goes to a log file (its path is printed), so the
// bench holds none of it and a failure can be read against it.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import WebSocket from "ws";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Resident memory of a process, in MB (Linux /proc). */
function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

/** Query number i: the same work every time, a different text (an alias) each time. */
const distinctQuery = (i: number) => `query Q${i} { a${i}: articles(first: 2) { id title persons { name } } }`;

/** An error with its chain of causes: fetch's own message is only "fetch failed". */
function describe(error: unknown): string {
  const parts: string[] = [];
  for (let e = error as { message?: string; code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    parts.push(`${e.message ?? String(e)}${e.code ? ` [${e.code}]` : ""}`);
    if (parts.length > 5) break;
  }
  return parts.join(" <- ");
}

/** The code of the innermost cause (ECONNRESET, UND_ERR_SOCKET, …), or undefined. */
function rootCode(error: unknown): string | undefined {
  let code: string | undefined;
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) code = e.code ?? code;
  return code;
}

/**
 * Failures of the connection rather than of the request: the request can be sent again on
 * a new connection (these queries only read). A socket the server closed as idle while the
 * client was reusing it, a reset, or no local port free for a moment.
 */
const CONNECTION_CODES = new Set(["ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "UND_ERR_CLOSED", "EADDRNOTAVAIL"]);
const ATTEMPTS = 4;

/**
 * The server's heap in use after a full collection, in MB, through its inspector (the
 * bench starts it with --inspect on a loopback port of its own): what the server keeps,
 * where the heap used of /metrics also counts what a collection would free.
 */
async function liveHeapOf(inspectorUrl: string): Promise<number> {
  const socket = new WebSocket(inspectorUrl);
  await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
  let id = 0;
  const call = (method: string, params: object = {}) =>
    new Promise<{ result?: { result?: { value?: number } } }>((resolve) => {
      const mine = ++id;
      const onMessage = (data: WebSocket.RawData) => {
        const message = JSON.parse(String(data)) as { id?: number; result?: { result?: { value?: number } } };
        if (message.id === mine) {
          socket.off("message", onMessage);
          resolve(message);
        }
      };
      socket.on("message", onMessage);
      socket.send(JSON.stringify({ id: mine, method, params }));
    });
  try {
    await call("HeapProfiler.collectGarbage");
    const answer = await call("Runtime.evaluate", { expression: "process.memoryUsage().heapUsed", returnByValue: true });
    return Math.round(Number(answer.result?.result?.value) / 2 ** 20);
  } finally {
    socket.close();
  }
}

/** Waits for the server's "ready" line in its log and returns its /graphql URL. */
async function endpointOf(logFile: string, exited: Promise<string>): Promise<{ endpoint: string; inspector: string }> {
  let gone: string | null = null;
  void exited.then((why) => (gone = why));
  for (;;) {
    const log = fs.readFileSync(logFile, "utf8");
    const m = /"url":"(http:\/\/[^"]+\/graphql)"/.exec(log);
    const inspector = /Debugger listening on (ws:\/\/\S+)/.exec(log);
    if (m && inspector) return { endpoint: m[1]!, inspector: inspector[1]! };
    if (gone) throw new Error(`the server ${gone} before it was ready; its log: ${logFile}`);
    await sleep(100);
  }
}

const program = new Command("bench-compiled-memory")
  .option("--queries <n>", "distinct query documents, each sent twice", "100000")
  .option("--concurrency <n>", "requests in flight", "8")
  .option("--server-heap-mb <n>", "the server's V8 heap limit (--max-old-space-size)")
  .option("--samples <n>", "memory samples along the way", "10")
  .option("--log <file>", "where the server's output goes (default: a new file in the temporary folder)")
  .action(async (o: { queries: string; concurrency: string; serverHeapMb?: string; samples: string; log?: string }) => {
    const total = Number(o.queries);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "newsgraph-compiled-memory-"));
    const logFile = path.resolve(o.log ?? path.join(os.tmpdir(), `newsgraph-compiled-memory-${Date.now()}.log`));
    const logFd = fs.openSync(logFile, "w");
    console.log(`server log: ${logFile}`);
    // The compiled server, as npm start runs it (npm run build first).
    const heap = o.serverHeapMb ? [`--max-old-space-size=${Number(o.serverHeapMb)}`] : [];
    const child = spawn(process.execPath, [...heap, "--inspect=127.0.0.1:0", "dist/src/main.js"], {
      cwd: ROOT,
      stdio: ["ignore", logFd, logFd],
      env: { ...process.env, DATABASE_URL: `pglite:${dataDir}`, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", NODE_ENV: "production", METRICS: "open" },
    });
    fs.closeSync(logFd);
    const exited = new Promise<string>((resolve) => child.once("exit", (code, signal) => resolve(`died (${signal ?? `exit ${code}`})`)));
    let alive = true;
    void exited.then(() => (alive = false));
    const retries = new Map<string, number>();
    try {
      const { endpoint, inspector } = await endpointOf(logFile, exited);
      const metricsUrl = endpoint.replace(/\/graphql$/, "/metrics");
      const ask = async (query: string) => {
        for (let attempt = 1; ; attempt++) {
          let res: Response;
          try {
            res = await fetch(endpoint, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
          } catch (error) {
            const code = rootCode(error) ?? "unknown";
            if (!alive || !CONNECTION_CODES.has(code) || attempt === ATTEMPTS) throw new Error(`request failed after ${attempt} attempt(s): ${describe(error)}`);
            retries.set(code, (retries.get(code) ?? 0) + 1);
            if ([...retries.values()].reduce((a, b) => a + b) <= 5) console.log(`  retrying (${new Date().toISOString()}): ${describe(error)}`);
            await sleep(50 * attempt);
            continue;
          }
          const body = (await res.json()) as { errors?: { message: string }[] };
          if (!res.ok || body.errors) throw new Error(`${res.status}: ${JSON.stringify(body.errors)}`);
          return;
        }
      };
      /** The server's V8 heap in use, in MB, from its /metrics (prom-client's default metrics). */
      const heapUsed = async () => {
        const text = await (await fetch(metricsUrl)).text();
        return Math.round(Number(/^nodejs_heap_size_used_bytes (\S+)/m.exec(text)?.[1] ?? NaN) / 2 ** 20);
      };
      // Warm up on queries outside the measured range.
      for (let i = 0; i < 200; i++) await ask(distinctQuery(total + (i % 20)));
      const before = rssOf(child.pid!);
      const started = Date.now();
      console.log(`RSS before: ${before} MB, heap used ${await heapUsed()} MB, live heap ${await liveHeapOf(inspector)} MB; ${total} distinct queries, each sent twice, ${o.concurrency} in flight`);
      let next = 0;
      const samples: { done: number; rss: number; heap: number; live: number }[] = [];
      const step = Math.max(1, Math.floor(total / Number(o.samples)));
      const worker = async () => {
        while (next < total) {
          const i = next++;
          await ask(distinctQuery(i));
          await ask(distinctQuery(i));
          if ((i + 1) % step === 0) {
            // RSS first: the forced collection of the live-heap reading would lower it.
            const rss = rssOf(child.pid!);
            const sample = { done: i + 1, rss, heap: await heapUsed(), live: await liveHeapOf(inspector) };
            samples.push(sample);
            const seconds = (Date.now() - started) / 1000;
            console.log(`  after ${sample.done}: RSS ${sample.rss} MB, heap used ${sample.heap} MB, live heap ${sample.live} MB (${seconds.toFixed(0)} s, ${((2 * sample.done) / seconds).toFixed(0)} requests/s)`);
          }
        }
      };
      const died = exited.then((why) => {
        throw new Error(`the server ${why} after ${next} queries; its log: ${logFile}`);
      });
      await Promise.race([Promise.all(Array.from({ length: Number(o.concurrency) }, worker)), died]);
      const after = rssOf(child.pid!);
      const seconds = (Date.now() - started) / 1000;
      samples.sort((a, b) => a.done - b.done);
      console.log(`RSS along the way (MB): ${samples.map((s) => `${s.done}: ${s.rss}`).join(", ")}`);
      console.log(`heap used along the way (MB): ${samples.map((s) => `${s.done}: ${s.heap}`).join(", ")}`);
      console.log(`live heap along the way (MB, after a full collection): ${samples.map((s) => `${s.done}: ${s.live}`).join(", ")}`);
      console.log(`RSS after: ${after} MB (${after - before >= 0 ? "+" : ""}${after - before} MB) in ${seconds.toFixed(0)} s, ${((2 * total) / seconds).toFixed(0)} requests/s`);
      const from = samples.find((s) => s.done >= 0.3 * total);
      if (from && from !== samples.at(-1)) {
        const last = samples.at(-1)!;
        const growth = (a: number, b: number) => `${(((b - a) / a) * 100).toFixed(1)}% (${a} → ${b} MB)`;
        console.log(`growth from ${from.done} to ${last.done} queries: RSS ${growth(from.rss, last.rss)}, live heap ${growth(from.live, last.live)}`);
      }
      console.log(`connection-level retries: ${retries.size ? [...retries].map(([code, n]) => `${code} ${n}`).join(", ") : "none"}`);
    } finally {
      child.kill("SIGTERM");
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

program.parseAsync().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
