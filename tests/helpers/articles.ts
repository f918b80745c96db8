// Article texts for the API tests, made from the committed sample articles.
import fs from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "./shared.js";

const SAMPLES_DIR = path.join(PROJECT_ROOT, "prisma/sample-articles");

export function sampleText(name: string): string {
  return fs.readFileSync(path.join(SAMPLES_DIR, name), "utf8");
}

/** `count` distinct articles (different headlines) with the Lisbon sample's quotes and persons. */
export function lisbonVariants(count: number): string[] {
  const [, ...rest] = sampleText("002_lisbon-night-market.txt").split("\n");
  return Array.from({ length: count }, (_, i) => [`Night Market in Lisbon, Evening ${i + 1}`, ...rest].join("\n"));
}
