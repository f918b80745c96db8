// Runs the server the way the README does (`npm start`, i.e. tsx src/main.ts) as a child process.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { PROJECT_ROOT } from "./shared.js";

const TSX = path.join(PROJECT_ROOT, "node_modules/.bin/tsx");

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  stop(): Promise<number | null>;
}

/** Starts src/main.ts and resolves once it logs that it is ready. */
export function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  // As `npm start` runs it from a shell: without vitest's NODE_ENV=test, which changes how
  // Apollo treats termination signals.
  const { NODE_ENV: _, ...shellEnv } = process.env;
  const child = spawn(TSX, ["src/main.ts"], { cwd: PROJECT_ROOT, env: { ...shellEnv, LOG_LEVEL: "info", HOST: "127.0.0.1", PORT: "0", ...env } });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server not ready in 60 s:\n${output}`)), 60_000);
    child.stdout!.on("data", (chunk) => {
      output += chunk;
      const ready = /"url":"(http:\/\/[^"]+)\/graphql"[^\n]*newsgraph is ready/.exec(output);
      if (ready) {
        clearTimeout(timer);
        resolve({
          child,
          url: ready[1]!,
          stop: () => new Promise((done) => {
            child.once("exit", (code) => done(code));
            child.kill("SIGTERM");
          }),
        });
      }
    });
    child.stderr!.on("data", (chunk) => (output += chunk));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it was ready:\n${output}`));
    });
  });
}

/** Runs src/main.ts expecting it to fail; returns its exit code and what it printed. */
export function runFailingStart(env: Record<string, string>): Promise<{ code: number | null; stderr: string; stdout: string }> {
  const child = spawn(TSX, ["src/main.ts"], { cwd: PROJECT_ROOT, env: { ...process.env, PORT: "0", ...env } });
  let stderr = "";
  let stdout = "";
  child.stdout.on("data", (c) => (stdout += c));
  child.stderr.on("data", (c) => (stderr += c));
  const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
  return new Promise((resolve) => child.once("exit", (code) => {
    clearTimeout(timer);
    resolve({ code, stderr, stdout });
  }));
}
