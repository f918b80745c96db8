// The reference material in ../shared (seeds, gold annotations). CI has it beside the clone;
// elsewhere the suites that need it skip and say why.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SHARED_DIR = path.resolve(PROJECT_ROOT, "../shared");
export const SEEDS_DIR = path.join(SHARED_DIR, "seeds");
export const GOLD_PATH = path.join(SHARED_DIR, "eval/seeds-gold.json");
export const hasShared = fs.existsSync(GOLD_PATH) && fs.existsSync(SEEDS_DIR);

if (!hasShared) console.warn(`[newsgraph tests] ${SHARED_DIR} is absent: suites that need ../shared/seeds and gold data are skipped`);

export function seedFiles(): string[] {
  return fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith(".txt")).sort().map((f) => path.join(SEEDS_DIR, f));
}
