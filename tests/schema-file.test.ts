// schema.graphql is generated from the code: fail when the committed file is stale.
import fs from "node:fs";
import path from "node:path";
import { buildSchema as parseSdl } from "graphql";
import { describe, expect, it } from "vitest";
import { printSchemaFile } from "../src/schema-file.js";
import { PROJECT_ROOT } from "./helpers/shared.js";

describe("schema.graphql", () => {
  it("matches the schema the code builds (run `npm run schema:emit` after changing it)", async () => {
    const committed = fs.readFileSync(path.join(PROJECT_ROOT, "schema.graphql"), "utf8");
    expect(committed).toBe(await printSchemaFile());
  });

  it("is valid SDL with the first slice of the API", () => {
    const schema = parseSdl(fs.readFileSync(path.join(PROJECT_ROOT, "schema.graphql"), "utf8"));
    const query = schema.getQueryType()!.getFields();
    for (const field of ["articles", "article", "person", "persons", "quote", "venue", "venues", "node"]) expect(query).toHaveProperty(field);
  });
});
