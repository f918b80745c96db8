// newsgraph extract FILE…   runs the extraction without a database and prints one JSON
// object per line and document: { file, article, persons, organizations, quotes, venues,
// comments, notes }, or { file, error } for a file or line that cannot be read. Nothing
// else goes to stdout, so it pipes into jq. Offsets index the file's text as read.
import fs from "node:fs";
import { setImmediate as nextTurn } from "node:timers/promises";
import { Command } from "commander";
import { extract } from "../../src/ingest/extract.js";
import { readDocuments } from "../../src/ingest/read.js";
import { IngestError } from "../../src/ingest/types.js";

/**
 * Writes one line, then lets the event loop turn: a reader that has gone away (`| head -1`)
 * is reported as an error event on stdout, which the CLI answers by exiting, so no further
 * document is extracted for nobody.
 */
async function writeLine(value: unknown): Promise<void> {
  process.stdout.write(`${JSON.stringify(value)}\n`);
  await nextTurn();
}

export const extractCommand = () => new Command("extract")
  .description("extract articles, persons, organisations, quotes, venues and comments from files, as JSON Lines on stdout (no database)")
  .argument("<files...>")
  .action(async (files: string[]) => {
    for (const file of files) {
      try {
        for (const doc of readDocuments(file, fs.readFileSync(file))) {
          // A bad JSON Lines line is reported in its place; the file's other lines go on.
          if (doc instanceof IngestError) {
            await writeLine({ file: doc.origin, error: doc.reason });
            process.exitCode = 1;
            continue;
          }
          await writeLine({ file: doc.origin, ...extract(doc) });
        }
      } catch (error) {
        const reason = error instanceof IngestError ? error.reason : (error as Error).message;
        await writeLine({ file, error: reason });
        process.exitCode = 1;
      }
    }
  });
