// Runs the README's commands (`npm start`, `npm run ingest`) as child processes, and finds the
// processes they start, to check that a signal to the PID npm gives stops all of them.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { PROJECT_ROOT } from "./shared.js";

export interface NpmRun {
  child: ChildProcess;
  /** Everything printed so far, stdout and stderr. */
  output(): string;
  /** Resolves with the exit code (or the signal) once npm exits. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `npm ARGS…` in the project folder, with vitest's NODE_ENV=test left out as a shell would. */
export function npm(args: string[], env: Record<string, string>): NpmRun {
  const { NODE_ENV: _, ...shellEnv } = process.env;
  const child = spawn("npm", args, { cwd: PROJECT_ROOT, env: { ...shellEnv, ...env } });
  let output = "";
  child.stdout!.on("data", (c) => (output += c));
  child.stderr!.on("data", (c) => (output += c));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  return { child, output: () => output, exited };
}

/** Resolves once `pattern` appears in the run's output; rejects if npm exits first or after `ms`. */
export async function waitForOutput(run: NpmRun, pattern: RegExp, ms = 240_000): Promise<RegExpExecArray> {
  const deadline = Date.now() + ms;
  let exited = false;
  void run.exited.then(() => (exited = true));
  for (;;) {
    const match = pattern.exec(run.output());
    if (match) return match;
    if (exited || Date.now() > deadline) throw new Error(`${exited ? "exited" : "timed out"} before ${pattern}:\n${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Every process below `pid` (children, their children …), from ps. */
export function descendantsOf(pid: number): number[] {
  const rows = execFileSync("ps", ["-e", "-o", "pid=,ppid="], { encoding: "utf8" }).trim().split("\n").map((row) => row.trim().split(/\s+/).map(Number));
  const found: number[] = [];
  const walk = (parent: number) => {
    for (const [child, ppid] of rows) if (ppid === parent) { found.push(child!); walk(child!); }
  };
  walk(pid);
  return found;
}

/** Kills a run and whatever it started, if still there (after a failed test). */
export function killRun(run: NpmRun): void {
  for (const pid of [...descendantsOf(run.child.pid!), run.child.pid!]) if (isRunning(pid)) process.kill(pid, "SIGKILL");
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
