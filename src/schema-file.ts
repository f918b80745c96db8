import { lexicographicSortSchema, printSchema } from "graphql";
import { getSchema } from "./schema.js";

const HEADER = "# Generated from the code by `npm run schema:emit`: do not edit by hand.\n\n";

/** The SDL committed as schema.graphql: sorted, so it changes only when the schema does. */
export async function printSchemaFile(): Promise<string> {
  return `${HEADER}${printSchema(lexicographicSortSchema(await getSchema()))}\n`;
}
