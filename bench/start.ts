// npm run bench:start -- [--runs 3]
// How fast the compiled server starts on the embedded database, and how much memory it then
// holds: the time to the first 200 from /health on a new folder (migrations and the sample
// articles included) and on a restart, and the server's RSS once idle with the sample data.
// Each run uses a fresh folder; the figures are printed per run and as medians, with the CPU
// time the server used until /health answered (less sensitive to a busy machine than the
// wall time). The servers it starts are killed however it ends (error, signal, timeout).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Command } from "commander";

const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DEFAULT_SERVER = path.join(PROJECT, "dist/src/main.js");
/** How long the server sits idle before its memory is read. */
const IDLE_MS = 3_000;
/** A start slower than this is a failure, not a figure. */
const START_LIMIT_MS = 300_000;

interface Start {
  child: ChildProcess;
  seconds: number;
  /** CPU seconds (user and system, all threads) the server used until /health answered. */
  cpuSeconds: number;
}

/** The servers running now: killed on every way out of this process. */
const running = new Set<ChildProcess>();
/** The run's data folder, removed on every way out too. */
let currentDataDir: string | undefined;
const killRunning = () => {
  for (const child of running) child.kill("SIGKILL");
};
process.on("exit", () => {
  killRunning();
  if (currentDataDir) fs.rmSync(currentDataDir, { recursive: true, force: true });
});
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    killRunning();
    process.exit(128 + os.constants.signals[signal]);
  });
}

/** The CPU time a process has used, in seconds, from /proc (clock ticks of 1/100 s on Linux). */
function cpuSecondsOf(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  // After the command's closing parenthesis, utime and stime are the 12th and 13th fields.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function startServer(server: string, dataDir: string, port: number): Promise<Start> {
  const started = performance.now();
  const child = spawn(process.execPath, [server], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: `pglite:${dataDir}`, LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  running.add(child);
  child.once("exit", () => running.delete(child));
  let waiting = true;
  const exited = new Promise<never>((_, reject) => child.once("exit", (code) => reject(new Error(`the server exited (${code}) before /health answered`))));
  const tooSlow = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`/health did not answer within ${START_LIMIT_MS / 1000} s`)), START_LIMIT_MS).unref());
  const healthy = (async () => {
    while (waiting) {
      const ok = await fetch(`http://127.0.0.1:${port}/health`).then((res) => res.ok, () => false);
      if (ok) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  try {
    await Promise.race([healthy, exited, tooSlow]);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  } finally {
    waiting = false;
  }
  return { child, seconds: (performance.now() - started) / 1000, cpuSeconds: cpuSecondsOf(child.pid!) };
}

/** The process's resident memory in MB, from /proc. */
function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

new Command("bench:start")
  .option("--runs <n>", "fresh folders to start on", "3")
  .option("--port <n>", "port for the server (not one of the ports fetch refuses, such as 4190)", "4180")
  .option("--server <file>", "the compiled server to start (another checkout's dist/src/main.js, to compare)", DEFAULT_SERVER)
  .action(async (o: { runs: string; port: string; server: string }) => {
    const server = path.resolve(o.server);
    if (!fs.existsSync(server)) throw new Error(`${server} is missing: run npm run build first`);
    const rows: { first: number; restart: number; restartCpu: number; rss: number }[] = [];
    for (let run = 1; run <= Number(o.runs); run++) {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "newsgraph-bench-start-"));
      currentDataDir = dataDir;
      try {
        const first = await startServer(server, dataDir, Number(o.port));
        await stopServer(first.child);
        const restart = await startServer(server, dataDir, Number(o.port));
        await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
        const rss = rssMb(restart.child.pid!);
        await stopServer(restart.child);
        rows.push({ first: first.seconds, restart: restart.seconds, restartCpu: restart.cpuSeconds, rss });
        console.log(
          `run ${run}: /health after ${first.seconds.toFixed(1)} s on a new folder (${first.cpuSeconds.toFixed(1)} s CPU), ` +
            `${restart.seconds.toFixed(1)} s on a restart (${restart.cpuSeconds.toFixed(1)} s CPU); idle RSS ${rss.toFixed(0)} MB`,
        );
      } finally {
        killRunning();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    }
    console.log(
      `median of ${rows.length}: first start ${median(rows.map((r) => r.first)).toFixed(1)} s, restart ${median(rows.map((r) => r.restart)).toFixed(1)} s ` +
        `(${median(rows.map((r) => r.restartCpu)).toFixed(1)} s CPU), idle RSS ${median(rows.map((r) => r.rss)).toFixed(0)} MB; load average ${os.loadavg()[0]!.toFixed(1)}`,
    );
  })
  .parseAsync()
  .catch((error: Error) => {
    console.error(`bench:start: ${error.message}`);
    process.exit(1);
  });
