// The `newsgraph` command as a person runs it from a shell: results alone on stdout, so
// `extract | jq` reads pure JSON Lines; a reader that stops early (`| head -1`) ends it
// quietly with status 0; a folder ingest names what it skips and tells stored from unchanged.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresDatabase } from "./helpers/databases.js";
import { runShell } from "./helpers/process.js";
import { PROJECT_ROOT } from "./helpers/shared.js";

const SAMPLES = "prisma/sample-articles";
const SAMPLE_FILES = fs.readdirSync(path.join(PROJECT_ROOT, SAMPLES)).filter((f) => f.endsWith(".txt")).sort().map((f) => `${SAMPLES}/${f}`);
const STACK_LINE = /\n\s+at /;

// Built once here, so no test's stderr carries the bin's "compiling" note.
beforeAll(() => {
  execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: PROJECT_ROOT, stdio: "inherit" });
}, 300_000);

describe("newsgraph", () => {
  it("runs from the bin and lists its commands", async () => {
    const run = await runShell("newsgraph --help");
    expect(run.code, run.stderr).toBe(0);
    for (const command of ["serve", "ingest", "extract", "worker", "migrate"]) expect(run.stdout).toMatch(new RegExp(`^  ${command}\\b`, "m"));
  });

  it("extract prints JSON Lines only: one object per document, a bad file as { file, error }", async () => {
    const run = await runShell(`newsgraph extract ${SAMPLE_FILES.join(" ")} no-such-file.txt`);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("");
    const lines = run.stdout.trimEnd().split("\n").map((line) => JSON.parse(line) as { file: string; error?: string; quotes?: unknown[] });
    expect(lines.map((l) => l.file)).toEqual([...SAMPLE_FILES, "no-such-file.txt"]);
    expect(lines.slice(0, -1).every((l) => !l.error && l.quotes!.length > 0)).toBe(true);
    expect(lines.at(-1)!.error).toMatch(/no such file/);
  });

  it("extract | head -1 exits 0 quietly once the reader has gone", async () => {
    // Far more than a pipe holds (64 KiB), so the writes go on after head has exited.
    const many = Array(12).fill(SAMPLE_FILES).flat();
    const run = await runShell(`newsgraph extract ${many.join(" ")} | head -1`);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ file: SAMPLE_FILES[0] });
  });
});

const targets = [
  {
    name: "pglite",
    available: true,
    async create() {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "newsgraph-cli-"));
      return { url: `pglite:${dir}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
    },
  },
  { name: "postgres", available: !!process.env.TEST_DATABASE_URL, create: () => createPostgresDatabase(process.env.TEST_DATABASE_URL!) },
];

describe.each(targets)("newsgraph ingest FOLDER on $name", (target) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "newsgraph-cli-in-"));
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it.skipIf(!target.available)("names the skipped file, and a second run reports the articles unchanged with nothing stored", { timeout: 300_000 }, async () => {
    for (const file of SAMPLE_FILES) fs.copyFileSync(path.join(PROJECT_ROOT, file), path.join(folder, path.basename(file)));
    fs.writeFileSync(path.join(folder, "scan.pdf"), "%PDF-1.4");
    const database = await target.create();
    try {
      const env = { DATABASE_URL: database.url, LOG_LEVEL: "silent" };
      const first = await runShell(`newsgraph ingest ${folder}`, env);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stderr).toMatch(/skipped: \S*scan\.pdf: not scraped text, HTML or JSON Lines/);
      // stdout is the summary alone: the progress bar and the skipped files went to stderr.
      expect(first.stdout.trimEnd().split("\n")).toEqual([
        expect.stringMatching(/^articles: 3 new, 0 updated, 0 unchanged, 0 failed, 1 file skipped \| stored: persons [1-9]\d*, quotes [1-9]\d*, venues \d+, comments \d+$/),
      ]);

      const second = await runShell(`newsgraph ingest ${folder}`, env);
      expect(second.code, second.stderr).toBe(0);
      expect(second.stderr).toMatch(/skipped: \S*scan\.pdf/);
      expect(second.stdout.trimEnd()).toBe("articles: 0 new, 0 updated, 3 unchanged, 0 failed, 1 file skipped | nothing stored");
    } finally {
      await database.drop();
    }
  });
});
