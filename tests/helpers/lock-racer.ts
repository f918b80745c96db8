// One of several processes racing for a PGlite folder's lock (embedded-one-writer.test.ts):
// signals it is ready, waits for the "go" file so that all try at the same moment, prints
// whether it got the lock, and holds it until the "done" file appears.
import fs from "node:fs";
import path from "node:path";
import { lockDataFolder } from "../../src/db/pglite-lock.js";

const [dir, id] = process.argv.slice(2) as [string, string];
const pause = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
fs.writeFileSync(path.join(dir, `ready-${id}`), "");
while (!fs.existsSync(path.join(dir, "go"))) pause();
try {
  const lock = lockDataFolder(dir, "the folder");
  console.log("got");
  while (!fs.existsSync(path.join(dir, "done"))) pause();
  lock.release();
} catch (error) {
  console.log(`refused: ${(error as Error).message}`);
}
