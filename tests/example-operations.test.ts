// The example operations frontend teams copy and generate typed clients from must stay valid
// against the schema, and the read-only ones must run.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { getSchema } from "../src/schema.js";
import { PROJECT_ROOT } from "./helpers/shared.js";

const OPERATIONS_DIR = path.join(PROJECT_ROOT, "examples/operations");
const files = fs.readdirSync(OPERATIONS_DIR).filter((f) => f.endsWith(".graphql")).sort();

describe("examples/operations", () => {
  it("holds the operations docs/api.md names", () => {
    expect(files).toEqual(expect.arrayContaining(["ArticlePage.graphql", "PersonPage.graphql", "Search.graphql", "CoMentionNetwork.graphql", "IngestArticle.graphql", "ArticleIngested.graphql"]));
  });

  it.each(files)("%s is valid against the schema", async (file) => {
    const document = parse(fs.readFileSync(path.join(OPERATIONS_DIR, file), "utf8"));
    expect(validate(await getSchema(), document).map((e) => e.message)).toEqual([]);
  });
});

describe("the graphql-codegen config (codegen.ts, docs/api.md)", () => {
  it("generates typed documents for every example operation", async () => {
    const { generate } = await import("@graphql-codegen/cli");
    const { default: config } = await import("../codegen.js");
    const outputs: { filename: string; content: string }[] = await generate({ ...config, cwd: PROJECT_ROOT, silent: true }, false);
    const types = outputs.find((o) => o.filename.endsWith("graphql.ts"))!.content;
    for (const file of files) {
      const name = file.replace(".graphql", "");
      expect(types, name).toMatch(new RegExp(`export type ${name}(Query|Mutation|Subscription) =`));
    }
    expect(types).toMatch(/export type ArticlePageQuery = \{ articlesConnection: \{ totalCount: number/);
  }, 60_000);
});

describe("the generated typed documents", () => {
  // A frontend project may resolve modules as Node does (NodeNext: relative imports need
  // their extension) or as a bundler does: the generated code must compile under both.
  it.each(["NodeNext", "Bundler"])("compile with moduleResolution %s", async (resolution) => {
    const { generate } = await import("@graphql-codegen/cli");
    const { default: config } = await import("../codegen.js");
    const dir = fs.mkdtempSync(path.join(PROJECT_ROOT, "tmp-codegen-"));
    try {
      const [[, target]] = Object.entries(config.generates);
      await generate({ ...config, generates: { [`${dir}/generated/`]: target }, cwd: PROJECT_ROOT, silent: true }, true);
      const module = resolution === "NodeNext" ? "NodeNext" : "ESNext";
      fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ type: "module" }));
      fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({
        compilerOptions: { module, moduleResolution: resolution, target: "ES2022", strict: true, noEmit: true, skipLibCheck: true },
        include: ["generated/**/*.ts"],
      }));
      const tsc = spawnSync(process.execPath, [path.join(PROJECT_ROOT, "node_modules/typescript/bin/tsc"), "-p", dir], { encoding: "utf8" });
      expect(tsc.stdout + tsc.stderr).toBe("");
      expect(tsc.status).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
