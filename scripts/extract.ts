// npm run extract -- FILE…   runs the extraction without a database and prints one JSON
// object per line and document: { file, article, persons, quotes, venues, comments, notes }.
// Offsets index the file's text as read.
import fs from "node:fs";
import { Command } from "commander";
import { extract } from "../src/ingest/extract.js";
import { readDocuments } from "../src/ingest/read.js";
import { IngestError } from "../src/ingest/types.js";
import { runCli } from "./run-cli.js";

const program = new Command("extract")
  .description("extract articles, persons, quotes, venues and comments from files, as JSON Lines")
  .argument("<files...>")
  .action((files: string[]) => {
    for (const file of files) {
      try {
        for (const doc of readDocuments(file, fs.readFileSync(file))) {
          // A bad JSON Lines line is reported in its place; the file's other lines go on.
          if (doc instanceof IngestError) {
            console.log(JSON.stringify({ file: doc.origin, error: doc.reason }));
            process.exitCode = 1;
            continue;
          }
          const x = extract(doc);
          console.log(JSON.stringify({ file: doc.origin, ...x }));
        }
      } catch (error) {
        const reason = error instanceof IngestError ? error.reason : (error as Error).message;
        console.log(JSON.stringify({ file, error: reason }));
        process.exitCode = 1;
      }
    }
  });

runCli(program);
