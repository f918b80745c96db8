// npm run bench:generate -- --count 1000 --out tmp/corpus-1k [--seed 1]
// Writes a synthetic corpus (scraped text and HTML) for the ingest benchmark and tests.
import fs from "node:fs";
import path from "node:path";
import { Command } from "commander";
import { syntheticArticle } from "./synthetic.js";

const program = new Command("generate")
  .requiredOption("--out <dir>", "folder to write the articles into")
  .option("--count <n>", "how many articles", "1000")
  .option("--seed <n>", "corpus seed", "1")
  .action(({ out, count, seed }: { out: string; count: string; seed: string }) => {
    fs.mkdirSync(out, { recursive: true });
    let bytes = 0;
    for (let i = 0; i < Number(count); i++) {
      const article = syntheticArticle(i, Number(seed));
      fs.writeFileSync(path.join(out, article.name), article.content);
      bytes += article.content.length;
    }
    console.log(`wrote ${count} articles (${(bytes / Number(count) / 1000).toFixed(1)} KB on average) to ${out}`);
  });

program.parse();
