// The URL scalar: absolute http(s) URLs only, in both directions. graphql-scalars' URL takes
// any URL the WHATWG parser reads, `javascript:alert(1)` included, which a frontend putting
// it in a link would run.
import { GraphQLError, GraphQLScalarType, Kind } from "graphql";
import { httpUrl } from "../http-url.js";
import { ErrorCode } from "../error-codes.js";

function parsed(value: unknown): string {
  const url = typeof value === "string" ? httpUrl(value) : null;
  if (url === null) {
    const shown = typeof value === "string" ? JSON.stringify(value.length > 100 ? `${value.slice(0, 100)}…` : value) : typeof value;
    throw new GraphQLError(`url must be an absolute http or https URL of at most 2,048 characters, got ${shown}`, { extensions: { code: ErrorCode.BAD_USER_INPUT, argumentName: "url" } });
  }
  return url;
}

export const HttpUrlScalar = new GraphQLScalarType<string, string>({
  name: "URL",
  description: "An absolute http or https URL (WHATWG URL serialization) of at most 2,048 characters. Other schemes (javascript:, data: …) are refused as input and never served.",
  serialize(value) {
    // Articles' urls are checked as they are read (articleFromRow): anything else here is a bug.
    const url = typeof value === "string" ? httpUrl(value) : null;
    if (url === null) throw new Error("a URL field resolved to something other than an http(s) URL");
    return url;
  },
  parseValue: parsed,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError(`url must be a string, got a ${ast.kind}`, { extensions: { code: ErrorCode.BAD_USER_INPUT, argumentName: "url" } });
    return parsed(ast.value);
  },
  extensions: { jsonSchema: { type: "string", format: "uri" } },
});
