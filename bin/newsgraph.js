#!/usr/bin/env node
// The `newsgraph` command. It runs the compiled JavaScript in dist/ with node itself, and
// builds dist/ first when it is missing or older than a source file (src/, scripts/, the
// tsconfig files), so a fresh clone or an edited source never runs stale code. The build
// is safe to run from several processes at once (scripts/build.mjs).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const stamp = path.join(root, "dist", ".built");

function newestSource() {
  let newest = 0;
  for (const name of ["tsconfig.json", "tsconfig.build.json"]) newest = Math.max(newest, fs.statSync(path.join(root, name)).mtimeMs);
  for (const folder of ["src", "scripts"]) {
    for (const entry of fs.readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

function isStale() {
  if (!fs.existsSync(stamp)) return true;
  // A copy without the sources (an image with dist/ only) runs what it has.
  if (!fs.existsSync(path.join(root, "src"))) return false;
  return newestSource() > fs.statSync(stamp).mtimeMs;
}

if (isStale()) {
  process.stderr.write("newsgraph: compiling src/ and scripts/ into dist/ first\n");
  // Progress goes to stderr: stdout carries only the command's results.
  const build = spawnSync(process.execPath, [path.join(root, "scripts/build.mjs")], { cwd: root, stdio: ["ignore", 2, 2] });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

await import(pathToFileURL(path.join(root, "dist/scripts/newsgraph.js")).href);
