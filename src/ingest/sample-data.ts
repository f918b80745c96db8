// On first start with an empty database, load the sample articles kept in the repo so a
// newcomer's first Playground query returns data.
import fs from "node:fs";
import path from "node:path";
import type { Logger } from "pino";
import { holdsNoArticles } from "../db/queries/emptiness.js";
import { PROJECT_ROOT } from "../project-root.js";
import type { Database } from "../db/connection.js";

export const SAMPLE_DIR = path.join(PROJECT_ROOT, "prisma/sample-articles");

export async function loadSampleDataIfEmpty(db: Database, log: Logger): Promise<number> {
  // Asked through the direct reader, not the Prisma client: the client compiles its query
  // planner (WebAssembly) at its first statement, which a server that only reads never needs.
  if (!(await holdsNoArticles(db))) return 0;
  // Loaded only here: a restart on a database with articles never needs the extractor.
  const { ingestInput } = await import("./pipeline.js");
  const files = fs.readdirSync(SAMPLE_DIR).filter((f) => f.endsWith(".txt")).sort();
  let loaded = 0;
  for (const file of files) {
    const outcomes = await ingestInput(db.prisma, `sample-articles/${file}`, fs.readFileSync(path.join(SAMPLE_DIR, file)));
    for (const o of outcomes) {
      if (o.status === "failed") log.warn({ file, error: o.error }, "sample article failed");
      else loaded++;
    }
  }
  log.info({ articles: loaded }, "loaded sample articles into the empty database");
  return loaded;
}
