// A small pool of extraction worker threads (extract-worker.ts), so that a batch ingest
// extracts on every core while the main thread writes to the database. Size 0 prepares on
// the calling thread instead (the same function, prepare.ts), for one-core machines and for
// comparison.
//
// Each worker holds at most two inputs at a time: one to work on and one waiting, so it never
// idles for the main thread's next message, and the inputs not yet handed out stay here,
// where a stopped ingest can drop them.
import os from "node:os";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { prepareInput, type Prepared } from "./prepare.js";
import type { InputHints } from "./read.js";

export interface ExtractionRequest {
  id: number;
  origin: string;
  input: string | Uint8Array;
  hints: InputHints;
}

export type ExtractionReply = { id: number; prepared: Prepared[] } | { id: number; error: Error };

export interface ExtractionPool {
  /** Worker threads (0: the calling thread prepares). */
  readonly size: number;
  /** Reads and extracts one input (prepare.ts's prepareInput), on a worker when there are any. */
  prepare(origin: string, input: string | Uint8Array, hints?: InputHints): Promise<Prepared[]>;
  /** Stops the workers; inputs not yet prepared are dropped (their promises reject). */
  close(): Promise<void>;
}

/** Workers by default: one per core the process may use. */
export const defaultExtractionWorkers = () => os.availableParallelism();

const IN_FLIGHT_PER_WORKER = 2;

export function createExtractionPool(size = defaultExtractionWorkers()): ExtractionPool {
  if (!Number.isInteger(size) || size < 0) throw new RangeError(`extraction workers must be a whole number, 0 or more, got ${size}`);
  if (size === 0) {
    return {
      size,
      prepare: async (origin, input, hints = {}) => prepareInput(origin, input, hints),
      close: async () => {},
    };
  }
  return new WorkerPool(size);
}

interface Job {
  request: ExtractionRequest;
  resolve(prepared: Prepared[]): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  jobs: Map<number, Job>;
}

class WorkerPool implements ExtractionPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Job[] = [];
  private nextId = 0;
  private closed = false;
  /** Workers that died in a row without answering: past a few, the pool gives up. */
  private deathsInARow = 0;
  private broken: Error | undefined;

  constructor(readonly size: number) {
    for (let i = 0; i < size; i++) this.slots.push(this.startWorker());
  }

  prepare(origin: string, input: string | Uint8Array, hints: InputHints = {}): Promise<Prepared[]> {
    if (this.closed) return Promise.reject(new Error("the extraction pool is closed"));
    if (this.broken) return Promise.reject(this.broken);
    return new Promise((resolve, reject) => {
      this.waiting.push({ request: { id: this.nextId++, origin, input, hints }, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const stopped = new Error("the extraction pool was closed");
    for (const job of this.waiting.splice(0)) job.reject(stopped);
    await Promise.all(this.slots.map(async (slot) => {
      for (const job of slot.jobs.values()) job.reject(stopped);
      slot.jobs.clear();
      await slot.worker.terminate();
    }));
  }

  /** Hands waiting inputs to the least busy workers with room. */
  private dispatch(): void {
    while (this.waiting.length && this.slots.length) {
      const slot = this.slots.reduce((best, s) => (s.jobs.size < best.jobs.size ? s : best));
      if (slot.jobs.size >= IN_FLIGHT_PER_WORKER) return;
      const job = this.waiting.shift()!;
      slot.jobs.set(job.request.id, job);
      slot.worker.postMessage(job.request);
    }
  }

  private startWorker(): Slot {
    const worker = newWorker();
    const slot: Slot = { worker, jobs: new Map() };
    worker.on("message", (reply: ExtractionReply) => {
      const job = slot.jobs.get(reply.id);
      if (!job) return;
      slot.jobs.delete(reply.id);
      this.deathsInARow = 0;
      if ("error" in reply) job.reject(reply.error);
      else job.resolve(reply.prepared);
      this.dispatch();
    });
    // A worker that dies (out of memory, a crash in native code) fails the inputs it held,
    // and another takes its place for the rest.
    worker.on("error", (error) => this.replace(slot, error));
    worker.on("exit", (code) => {
      if (!this.closed) this.replace(slot, new Error(`an extraction worker exited (code ${code})`));
    });
    return slot;
  }

  private replace(slot: Slot, error: Error): void {
    for (const job of slot.jobs.values()) job.reject(error);
    slot.jobs.clear();
    const index = this.slots.indexOf(slot);
    if (index < 0 || this.closed) return;
    void slot.worker.terminate();
    // A worker that cannot even start (its module missing, no memory) would die again:
    // after three deaths without an answer between them, every input fails with the cause.
    if (++this.deathsInARow >= 3) {
      this.broken = new Error(`extraction workers keep dying: ${error.message}`);
      for (const job of this.waiting.splice(0)) job.reject(this.broken);
      this.slots.splice(index, 1);
      return;
    }
    this.slots[index] = this.startWorker();
    this.dispatch();
  }
}

/** The worker's module: compiled JavaScript beside this one, or TypeScript when run from source. */
const FROM_SOURCE = import.meta.url.endsWith(".ts");
const WORKER_FILE = new URL(FROM_SOURCE ? "./extract-worker.ts" : "./extract-worker.js", import.meta.url);

/**
 * A worker thread running extract-worker. From TypeScript sources (tsx, vitest) the thread
 * first registers tsx's CommonJS hook: Node 20 hands a worker neither the parent's loader
 * hooks nor a runner's own compilation, and lets it register no ESM hooks of its own.
 */
function newWorker(): Worker {
  if (!FROM_SOURCE) return new Worker(WORKER_FILE);
  const tsx = createRequire(fileURLToPath(import.meta.url)).resolve("tsx/cjs");
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(fileURLToPath(WORKER_FILE))});`, { eval: true });
}
