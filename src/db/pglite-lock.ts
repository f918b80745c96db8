// One process at a time in an embedded PGlite folder. PGlite is PostgreSQL compiled into the
// process that opens it, with no server to share it: two processes on one folder each keep
// their own copy of the data in memory and overwrite each other's files, so the writes of
// one of them are lost without an error. A lock file in the folder, taken before PGlite
// opens it and removed on close, turns the second opener into a clear error naming the
// first.
//
// A PID file rather than proper-lockfile: that package marks a lock alive by touching it on
// a timer and declares it compromised (throwing, by default) when the timer is late, which
// PGlite's WebAssembly, running on the event loop, can make it be during a long statement;
// and after a kill -9 it refuses the folder until the lock's age passes its stale limit. A
// PID tells at once whether the holder still runs, and names it in the error.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DatabaseConfigError } from "./target.js";

export const LOCK_FILE_NAME = "newsgraph.lock";

/** What the lock file holds: enough to tell whether its writer still runs, and to name it. */
interface Holder {
  pid: number;
  /** The process's start time in clock ticks after boot (Linux), so a reused PID is not mistaken for the holder. */
  startTicks: number | null;
  host: string;
  command: string;
  since: string;
  token: string;
}

export interface DataFolderLock {
  /** Removes the lock file if it is still this holder's. Safe to call more than once. */
  release(): void;
}

/**
 * An unreadable lock file, or a takeover guard, this old was left by a process that died in
 * the microseconds between creating and writing (or removing) it, not by one still at work.
 */
const ABANDONED_AFTER_MS = 10_000;
/** How long to retry while another starter is between creating and writing, or removing a stale lock. */
const SETTLE_MS = 5_000;

/** Folders locked by this process (per module instance), to tell "open twice here" from "open elsewhere". */
const lockedHere = new Set<string>();

/**
 * Takes the folder's lock or throws a one-line DatabaseConfigError naming the process that
 * holds it. A lock whose holder is gone (killed, crashed, machine restarted) is taken over.
 */
export function lockDataFolder(dataDir: string, label: string): DataFolderLock {
  const lockPath = path.join(dataDir, LOCK_FILE_NAME);
  if (lockedHere.has(lockPath)) {
    throw new DatabaseConfigError(`${label} is already open in this process (PID ${process.pid}): close it before opening it again`);
  }
  const me: Holder = {
    pid: process.pid,
    startTicks: startTicks(process.pid),
    host: os.hostname(),
    command: commandLine(),
    since: new Date().toISOString(),
    token: crypto.randomUUID(),
  };
  const giveUpAt = Date.now() + SETTLE_MS;
  for (;;) {
    if (create(lockPath, me)) break;
    const found = readLock(lockPath);
    if (found === "missing") continue; // released since our attempt: try again
    if (found.holder && isRunning(found.holder)) throw new DatabaseConfigError(heldMessage(label, found.holder, lockPath));
    const beingWritten = !found.holder && Date.now() - found.modified < ABANDONED_AFTER_MS;
    if (beingWritten || !removeStale(lockPath, found.raw)) {
      // Another starter is between creating its lock and writing it, or is taking over the stale one.
      if (Date.now() > giveUpAt) {
        throw new DatabaseConfigError(`${label}: the lock file ${lockPath} did not settle in ${SETTLE_MS / 1000} s: remove it if no newsgraph process uses the folder`);
      }
      sleep(20);
    }
  }
  lockedHere.add(lockPath);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    lockedHere.delete(lockPath);
    process.off("exit", release);
    const found = readLock(lockPath);
    if (found !== "missing" && found.holder?.token === me.token) fs.rmSync(lockPath, { force: true });
  };
  // A process that ends without closing the database (process.exit, an uncaught error) still
  // frees the folder; one that is killed leaves a lock whose PID no longer runs.
  process.on("exit", release);
  return { release };
}

/** Creates the lock file only if there is none (O_EXCL), so of two starters exactly one succeeds. */
function create(lockPath: string, me: Holder): boolean {
  let fd: number;
  try {
    fd = fs.openSync(lockPath, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw new DatabaseConfigError(`cannot create the lock file ${lockPath}: ${(error as Error).message}`);
  }
  try {
    fs.writeSync(fd, `${JSON.stringify(me)}\n`);
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

type LockRead = "missing" | { raw: string; holder: Holder | null; modified: number };

function readLock(lockPath: string): LockRead {
  let raw: string;
  let modified: number;
  try {
    raw = fs.readFileSync(lockPath, "utf8");
    modified = fs.statSync(lockPath).mtimeMs;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "missing";
    throw new DatabaseConfigError(`cannot read the lock file ${lockPath}: ${(error as Error).message}`);
  }
  return { raw, holder: parseHolder(raw), modified };
}

function parseHolder(raw: string): Holder | null {
  try {
    const h = JSON.parse(raw) as Partial<Holder>;
    // A PID of 0 or below would address a process group, not a process.
    if (!Number.isInteger(h.pid) || h.pid! <= 0 || typeof h.host !== "string" || typeof h.token !== "string") return null;
    return { pid: h.pid!, startTicks: typeof h.startTicks === "number" ? h.startTicks : null, host: h.host, command: String(h.command ?? "?"), since: String(h.since ?? "?"), token: h.token };
  } catch {
    return null;
  }
}

/**
 * Whether the lock's writer still runs. A lock written on another machine (a folder shared
 * over the network, or by containers) cannot be checked from here, so it counts as held.
 */
function isRunning(holder: Holder): boolean {
  if (holder.host !== os.hostname()) return true;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
  }
  const stat = procStat(holder.pid);
  if (stat) {
    // A killed process its parent has not yet reaped still answers signal 0.
    if (stat.state === "Z") return false;
    // The PID now belongs to another process (after a restart, or many processes later).
    if (holder.startTicks !== null && stat.startTicks !== holder.startTicks) return false;
  }
  return true;
}

/**
 * Removes a lock judged stale, unless it changed since it was read. The removal is guarded by
 * a directory (mkdir is atomic), so of two starters that both found the same stale lock, the
 * second cannot remove the fresh lock the first has just created in its place.
 */
function removeStale(lockPath: string, staleRaw: string): boolean {
  const guard = `${lockPath}.takeover`;
  try {
    fs.mkdirSync(guard);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    // Held only for a few synchronous file operations: an old guard was left by a process killed in between.
    try {
      if (Date.now() - fs.statSync(guard).mtimeMs > ABANDONED_AFTER_MS) fs.rmdirSync(guard);
    } catch {
      // Removed by its owner meanwhile.
    }
    return false;
  }
  try {
    const now = readLock(lockPath);
    if (now !== "missing" && now.raw === staleRaw) fs.rmSync(lockPath, { force: true });
    return true;
  } finally {
    fs.rmdirSync(guard);
  }
}

function heldMessage(label: string, holder: Holder, lockPath: string): string {
  const where = holder.host === os.hostname() ? "" : ` on ${holder.host}`;
  const self = holder.pid === process.pid && holder.host === os.hostname() ? ", this process" : "";
  return (
    `${label} is in use by PID ${holder.pid}${where}${self} (${holder.command}, since ${holder.since}): ` +
    `the embedded database takes one process at a time, so stop that one first, ` +
    `point DATABASE_URL at another folder, or use PostgreSQL (DATABASE_URL=postgresql://…) to run the server and the command-line tools together` +
    (where ? `; if nothing runs there any more, remove ${lockPath}` : "")
  );
}

/** The command that opened the database, as a person would recognise it ("src/main.ts", "scripts/ingest.ts articles/"). */
function commandLine(): string {
  const [script, ...args] = process.argv.slice(1);
  const shown = [script ? path.relative(process.cwd(), script) || script : process.argv0, ...args].join(" ");
  return shown.length > 100 ? `${shown.slice(0, 99)}…` : shown;
}

function startTicks(pid: number): number | null {
  return procStat(pid)?.startTicks ?? null;
}

/** State and start time from /proc/PID/stat (Linux); null elsewhere or when the process is gone. */
function procStat(pid: number): { state: string; startTicks: number } | null {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null;
  }
  // Fields after the command name, which is in parentheses and may hold spaces: state is the 3rd field, starttime the 22nd.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[19]);
  return fields[0] && Number.isFinite(ticks) ? { state: fields[0], startTicks: ticks } : null;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
