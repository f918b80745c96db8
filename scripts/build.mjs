// npm run build: compiles src/ and scripts/ to JavaScript in dist/, which `npm start` and the
// command-line tools run with node itself, so the process npm starts is the one that gets
// the signals (tsx would put a process of its own between them). Types are checked by
// `npm run typecheck`, not here: this only strips them, in a second or two.
//
// tsc writes into a fresh folder and each changed file is then renamed into dist/: a server
// or an ingest starting meanwhile reads every file whole, old or new, never half-written.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(root, "dist");
fs.mkdirSync(dist, { recursive: true });
const staging = fs.mkdtempSync(path.join(dist, ".staging-"));

try {
  const tsc = path.join(path.dirname(createRequire(import.meta.url).resolve("typescript/package.json")), "bin/tsc");
  const run = spawnSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.build.json"), "--outDir", staging], { cwd: root, encoding: "utf8" });
  if (run.status !== 0) {
    process.stderr.write(`build: tsc failed\n${run.stdout}${run.stderr}`);
    process.exit(1);
  }
  for (const file of fs.readdirSync(staging, { recursive: true, withFileTypes: true })) {
    if (!file.isFile()) continue;
    const from = path.join(file.parentPath, file.name);
    const to = path.join(dist, path.relative(staging, from));
    if (fs.existsSync(to) && fs.readFileSync(to).equals(fs.readFileSync(from))) continue;
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.renameSync(from, to);
  }
} finally {
  fs.rmSync(staging, { recursive: true, force: true });
}
