// The project's folder, where prisma/ (schema, migrations, sample articles) lives. Found by
// walking up to package.json, so that it is the same whether this code runs as TypeScript
// from src/ or compiled from dist/src/ (one level deeper).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "package.json"))) return dir;
    if (dir === path.dirname(dir)) throw new Error(`no package.json above ${start}: cannot find the project folder`);
  }
}

export const PROJECT_ROOT = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));
