// Writes schema.graphql at the repository root from the type-graphql classes.
// `npm run schema:emit`; tests/schema-file.test.ts fails when the committed file is stale.
import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { printSchemaFile } from "../src/schema-file.js";

const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../schema.graphql");
fs.writeFileSync(target, await printSchemaFile());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
