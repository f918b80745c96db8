// Random valid queries built from the schema (random fields, nested lists, random sizes,
// aliases) against a seeded database over real HTTP. Every answer must be a client error or
// an answer holding no more objects than the query was priced for; never a 5xx or an
// INTERNAL_SERVER_ERROR.
import fc from "fast-check";
import {
  getNamedType, getNullableType, isCompositeType, isEnumType, isInterfaceType, isLeafType, isListType, isNonNullType, isObjectType, parse,
  type GraphQLField, type GraphQLNamedType, type GraphQLObjectType, type GraphQLSchema,
} from "graphql";
import { getComplexity, type ComplexityEstimator } from "graphql-query-complexity";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSampleDataIfEmpty } from "../src/ingest/sample-data.js";
import { ingestInput } from "../src/ingest/pipeline.js";
import { listCapOf } from "../src/resolvers/list-caps.js";
import { getSchema } from "../src/schema.js";
import { DEFAULT_LIMITS, itemCountEstimator, itemsOf } from "../src/server/limits.js";
import { lisbonVariants } from "./helpers/articles.js";
import { databaseKinds, quietLog, useFreshDatabase } from "./helpers/databases.js";
import { startTestServer, type TestServer } from "./helpers/server.js";
import fs from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "./helpers/shared.js";

/** Low enough that many random queries are refused, high enough that many are answered. */
const MAX_COST = 20_000;
/** How long the property runs on each database. */
const RUN_MILLISECONDS = 35_000;
const MAX_SELECTION_DEPTH = 5;

/**
 * The most JSON objects an answer to the query can hold: each item of a field returning
 * objects is one object plus what it selects; a leaf holds none. Priced with the server's
 * own item counts (itemsOf), so an answer above it means a list returned more than its price.
 */
const objectBoundEstimator: ComplexityEstimator = (args) => {
  if (isLeafType(getNamedType(args.field.type))) return 0;
  const items = itemsOf(args);
  // A list: each item an object. One object holding sized lists (a connection, the network): itself, then its items.
  return isListType(getNullableType(args.field.type)) ? items * (1 + args.childComplexity) : 1 + items * args.childComplexity;
};

/** Objects in a JSON answer's data, below the data object itself (arrays and leaves are not objects). */
function countObjects(data: unknown): number {
  let count = 0;
  const pending: unknown[] = data && typeof data === "object" ? Object.values(data) : [];
  while (pending.length) {
    const current = pending.pop();
    if (current === null || typeof current !== "object") continue;
    if (!Array.isArray(current)) count++;
    pending.push(...(Array.isArray(current) ? current : Object.values(current)));
  }
  return count;
}

interface Ids {
  Article: string[];
  Person: string[];
  Venue: string[];
  Quote: string[];
}

type Draw = fc.GeneratorValue;

/** A random query of the schema's Query type. */
function randomQuery(schema: GraphQLSchema, ids: Ids, draw: Draw): string {
  return `{ ${selection(schema.getQueryType()!, MAX_SELECTION_DEPTH, ids, draw)} }`;
}

/** 1 to 4 random fields of a type (aliased when asked twice), objects with their own selection. */
function selection(type: GraphQLObjectType | GraphQLNamedType, depth: number, ids: Ids, draw: Draw): string {
  if (isInterfaceType(type)) return `__typename id ${depth > 0 ? `... on Article { title persons { name } }` : ""}`;
  if (!isObjectType(type)) return "__typename";
  const fields = Object.values(type.getFields()).filter((field) => depth > 0 || isLeafType(getNamedType(field.type)));
  if (!fields.length) return "__typename";
  const count = draw(fc.integer, { min: 1, max: Math.min(4, fields.length) });
  const used = new Set<string>();
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const field = fields[draw(fc.integer, { min: 0, max: fields.length - 1 })]!;
    const args = argumentsFor(type as GraphQLObjectType, field, ids, draw);
    if (args === null) continue;
    const alias = used.has(field.name) || draw(fc.boolean) ? `a${i}: ` : "";
    used.add(field.name);
    const named = getNamedType(field.type);
    const below = isCompositeType(named) ? ` { ${selection(named, depth - 1, ids, draw)} }` : "";
    parts.push(`${alias}${field.name}${args}${below}`);
  }
  return parts.length ? parts.join(" ") : "__typename";
}

/** Arguments for a field: its required ones from the seeded data, sizes at random; null when it cannot be asked. */
function argumentsFor(type: GraphQLObjectType, field: GraphQLField<unknown, unknown>, ids: Ids, draw: Draw): string | null {
  const parts: string[] = [];
  const cap = listCapOf(type.name, field.name);
  const connection = getNamedType(field.type).name.endsWith("Connection");
  const side = connection ? draw(fc.constantFrom, "first", "last", "none") : "none";
  for (const arg of field.args) {
    const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
    if (arg.name === "id" && required) {
      const kind = (getNamedType(field.type).name in ids ? getNamedType(field.type).name : draw(fc.constantFrom, "Article", "Person", "Venue", "Quote")) as keyof Ids;
      if (!ids[kind].length) return null;
      parts.push(`id: ${JSON.stringify(draw(fc.constantFrom, ...ids[kind]))}`);
    } else if (arg.name === "query" && required) {
      parts.push(`query: ${JSON.stringify(draw(fc.constantFrom, "Lisbon", "market", "said", "night", "harbour"))}`);
    } else if (required) {
      return null;
    } else if (connection && arg.name === side) {
      parts.push(`${arg.name}: ${draw(fc.integer, { min: 0, max: 101 })}`);
    } else if (cap?.argument === arg.name && draw(fc.boolean)) {
      parts.push(`${arg.name}: ${draw(fc.integer, { min: arg.name === "maxNodes" ? 1 : 0, max: cap.max + 1 })}`);
    } else if (isEnumType(getNullableType(arg.type)) && draw(fc.boolean)) {
      const values = (getNullableType(arg.type) as import("graphql").GraphQLEnumType).getValues().map((v) => v.name);
      parts.push(`${arg.name}: ${draw(fc.constantFrom, ...values)}`);
    } else if (["minSharedArticles", "minWeight"].includes(arg.name) && draw(fc.boolean)) {
      parts.push(`${arg.name}: ${draw(fc.integer, { min: 1, max: 3 })}`);
    } else if (arg.name === "offset" && draw(fc.boolean)) {
      parts.push(`offset: ${draw(fc.integer, { min: 0, max: 30 })}`);
    }
  }
  return parts.length ? `(${parts.join(", ")})` : "";
}

describe.each(databaseKinds)("random queries on $name", (kind) => {
  const fresh = useFreshDatabase(kind);
  let server: TestServer;
  let schema: GraphQLSchema;
  const ids: Ids = { Article: [], Person: [], Venue: [], Quote: [] };
  beforeAll(async () => {
    const { db } = fresh.current;
    await loadSampleDataIfEmpty(db, quietLog);
    // More articles naming the same persons and place than their lists return by default.
    for (const [i, text] of lisbonVariants(25).entries()) await ingestInput(db.prisma, `lisbon-${i}.txt`, text);
    await ingestInput(db.prisma, "harbour-page.html", fs.readFileSync(path.join(PROJECT_ROOT, "tests/fixtures/harbour-page.html")));
    server = await startTestServer(db, { limits: { ...DEFAULT_LIMITS, maxCost: MAX_COST } });
    schema = await getSchema();
    const { body } = await server.graphql(`{
      articles(first: 5) { id quotes(first: 2) { id } }
      persons(first: 5, orderBy: { field: ARTICLE_COUNT, direction: DESC }) { id }
      venues(first: 5, orderBy: { field: ARTICLE_COUNT, direction: DESC }) { id }
    }`);
    expect(body.errors).toBeUndefined();
    ids.Article = body.data.articles.map((a: any) => a.id);
    ids.Quote = body.data.articles.flatMap((a: any) => a.quotes.map((q: any) => q.id));
    ids.Person = body.data.persons.map((p: any) => p.id);
    ids.Venue = body.data.venues.map((v: any) => v.id);
  }, 180_000);
  afterAll(async () => {
    await server?.close();
  });

  it("answers within the priced bound or refuses, never with a server error", async () => {
    const seen = { answered: 0, refused: 0, clientErrors: 0 };
    await fc.assert(
      fc.asyncProperty(fc.gen(), async (draw) => {
        const query = randomQuery(schema, ids, draw);
        const res = await fetch(`${server.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
        const body = (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
        expect(res.status, query).toBeLessThan(500);
        expect(body.errors?.filter((e) => e.extensions?.code === "INTERNAL_SERVER_ERROR") ?? [], query).toEqual([]);
        if (body.errors?.some((e) => e.extensions?.code === "QUERY_TOO_COMPLEX")) {
          seen.refused++;
          return;
        }
        if (body.errors) seen.clientErrors++;
        else seen.answered++;
        const document = parse(query);
        const cost = getComplexity({ schema, query: document, variables: {}, estimators: [itemCountEstimator] });
        const bound = getComplexity({ schema, query: document, variables: {}, estimators: [objectBoundEstimator] });
        expect(cost, query).toBeLessThanOrEqual(MAX_COST);
        expect(bound, query).toBeLessThanOrEqual(cost);
        expect(countObjects(body.data), query).toBeLessThanOrEqual(bound);
      }),
      { numRuns: 2_000, interruptAfterTimeLimit: RUN_MILLISECONDS, markInterruptAsFailure: false, seed: 16 },
    );
    // The property saw both outcomes, and enough answers to mean something.
    expect(seen.answered).toBeGreaterThan(30);
    expect(seen.refused).toBeGreaterThan(5);
  }, RUN_MILLISECONDS + 30_000);
});
