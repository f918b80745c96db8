// Runs the server as `npm start` does (npm run build, then node dist/src/main.js) as a child
// process: node itself, so that the signals the tests send reach the server.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { PROJECT_ROOT } from "./shared.js";

let built = false;
/** The server's command, built from the current sources once per test file. */
function serverCommand(): [string, string[]] {
  if (!built) execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: PROJECT_ROOT, stdio: "inherit" });
  built = true;
  return [process.execPath, ["dist/src/main.js"]];
}

/** Every server process started here that has not exited yet. */
const live = new Set<ChildProcess>();

function track<T extends ChildProcess>(child: T): T {
  live.add(child);
  child.once("exit", () => live.delete(child));
  return child;
}

/**
 * Kills (SIGKILL) the server processes still running and waits until they are gone: for an
 * afterEach, so that a failed assertion, a timeout or a test that never reached its stop()
 * leaves no server behind (holding its port, its PGlite folder and memory).
 */
export async function killServerProcesses(): Promise<void> {
  await Promise.all([...live].map((child) => new Promise<void>((done) => {
    child.once("exit", () => done());
    child.kill("SIGKILL");
  })));
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  stop(): Promise<number | null>;
}

/** Starts the server and resolves once it logs that it is ready. */
export function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  // As `npm start` runs it from a shell: without vitest's NODE_ENV=test, which changes how
  // Apollo treats termination signals.
  const { NODE_ENV: _, ...shellEnv } = process.env;
  const [command, args] = serverCommand();
  const child = track(spawn(command, args, { cwd: PROJECT_ROOT, env: { ...shellEnv, LOG_LEVEL: "info", HOST: "127.0.0.1", PORT: "0", ...env } }));
  let output = "";
  return new Promise((resolve, reject) => {
    // Generous: on a loaded two-core machine the start (migrations, sample articles) is slow.
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`server not ready in 180 s:\n${output}`));
    }, 180_000);
    child.stdout!.on("data", (chunk) => {
      output += chunk;
      const ready = /"url":"(http:\/\/[^"]+)\/graphql"[^\n]*newsgraph is ready/.exec(output);
      if (ready) {
        clearTimeout(timer);
        resolve({
          child,
          url: ready[1]!,
          stop: () => new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done(child.exitCode);
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

/** Runs the server expecting it to fail; returns its exit code and what it printed. */
export function runFailingStart(env: Record<string, string>): Promise<{ code: number | null; stderr: string; stdout: string }> {
  const [command, args] = serverCommand();
  const child = track(spawn(command, args, { cwd: PROJECT_ROOT, env: { ...process.env, PORT: "0", ...env } }));
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

/**
 * Runs `COMMAND` through bash from the project folder, as a person types it (pipes and all),
 * with `newsgraph` standing for the bin (node bin/newsgraph.js, which builds dist/ if stale).
 * `code` is the exit status of the pipeline's first command, not the last one's.
 */
export function runShell(command: string, env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { NODE_ENV: _, ...shellEnv } = process.env;
  const script = `newsgraph() { node bin/newsgraph.js "$@"; }\n${command}\nexit "\${PIPESTATUS[0]}"`;
  const child = spawn("bash", ["-c", script], { cwd: PROJECT_ROOT, env: { ...shellEnv, ...env } });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c) => (stdout += c));
  child.stderr.on("data", (c) => (stderr += c));
  const timer = setTimeout(() => child.kill("SIGKILL"), 240_000);
  return new Promise((resolve) => child.once("exit", (code) => {
    clearTimeout(timer);
    resolve({ code, stdout, stderr });
  }));
}
