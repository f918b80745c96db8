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

describe("schema documentation", () => {
  it("describes every type, field, argument and enum value (the Playground's docs)", async () => {
    const { getSchema } = await import("../src/schema.js");
    const { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isSpecifiedScalarType, isIntrospectionType } = await import("graphql");
    const missing: string[] = [];
    for (const type of Object.values((await getSchema()).getTypeMap())) {
      if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
      if (!type.description && !["Query", "Mutation", "Subscription"].includes(type.name)) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of "args" in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
    expect(missing).toEqual([]);
  });
});
