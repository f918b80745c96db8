// npm run build: compiles src/ and scripts/ to JavaScript in dist/, which `npm start` and the
// command-line tools run with node itself, so the process npm starts is the one that gets
// the signals (tsx would put a process of its own between them). Types are checked by
// `npm run typecheck`, not here: this only strips them, in a second or two.
//
// dist/.built records when the last complete build started, so that bin/newsgraph.js can tell
// whether a source changed since (and build again) without running tsc every time.
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
// Taken before tsc reads the sources: a file saved during the build counts as newer.
const started = new Date();

try {
  const tsc = path.join(path.dirname(createRequire(import.meta.url).resolve("typescript/package.json")), "bin/tsc");
  const run = spawnSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.build.json"), "--outDir", staging], { cwd: root, encoding: "utf8" });
  if (run.status !== 0) {
    process.stderr.write(`build: tsc failed\n${run.stdout}${run.stderr}`);
    process.exit(1);
  }
  // Files the code reads beside itself (the name tagger's model.json.gz, found by import.meta.url)
  // go along, or the compiled code would look for them in dist/ in vain.
  for (const file of fs.readdirSync(path.join(root, "src"), { recursive: true, withFileTypes: true })) {
    if (!file.isFile() || file.name.endsWith(".ts")) continue;
    const from = path.join(file.parentPath, file.name);
    const to = path.join(staging, path.relative(root, from));
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(from, to);
  }
  for (const file of fs.readdirSync(staging, { recursive: true, withFileTypes: true })) {
    if (!file.isFile()) continue;
    const from = path.join(file.parentPath, file.name);
    const to = path.join(dist, path.relative(staging, from));
    if (fs.existsSync(to) && fs.readFileSync(to).equals(fs.readFileSync(from))) continue;
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.renameSync(from, to);
  }
  const stamp = path.join(staging, ".built");
  fs.writeFileSync(stamp, "");
  fs.utimesSync(stamp, started, started);
  fs.renameSync(stamp, path.join(dist, ".built"));
} finally {
  fs.rmSync(staging, { recursive: true, force: true });
}
