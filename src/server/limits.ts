// Limits checked before any database work: document size (parse), depth (a validation rule),
// cost (an Apollo plugin with graphql-query-complexity) and, in the resolvers, the page size.
import type { ApolloServerPlugin } from "@apollo/server";
import { getNamedType, getNullableType, getOperationAST, isLeafType, isObjectType, getVariableValues, GraphQLError, isListType, parse, separateOperations, specifiedRules, validate, type DocumentNode, type GraphQLSchema } from "graphql";
import { getComplexity, type ComplexityEstimator, type ComplexityEstimatorArgs } from "graphql-query-complexity";
import { listCapOf } from "../resolvers/list-caps.js";
import { DEFAULT_PAGE_SIZE } from "../resolvers/pagination.js";
import { MAX_VARIABLES_DEPTH, nestedDeeperThan } from "./nesting-guard.js";
import { maxDepthRule } from "./query-shape.js";
import { ErrorCode } from "../error-codes.js";

export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
  /** Most tokens a document may have (the Playground's introspection query has about 1,000). */
  maxTokens: number;
}

export const DEFAULT_LIMITS: QueryLimits = { maxDepth: 12, maxCost: 100_000, maxTokens: 10_000 };

/** Most fields an operation may have once its fragments are spread. */
const MAX_EXPANDED_FIELDS = 10_000;

/**
 * The most items a field can return, as a multiplier of what it selects: `first`/`last` (or
 * the default page size) for a connection, and for a plain list the size asked or its cap's
 * default, from the table the resolvers enforce (LIST_CAPS); 1 for any other field. A
 * connection's own `edges` and `nodes` are its page, already counted on the connection field.
 */
export function itemsOf({ type, field, args }: Pick<ComplexityEstimatorArgs, "type" | "field" | "args">): number {
  if (type.name.endsWith("Connection") && (field.name === "edges" || field.name === "nodes")) return 1;
  const sized = typeof args.first === "number" ? args.first : typeof args.last === "number" ? args.last : null;
  if (getNamedType(field.type).name.endsWith("Connection")) return Math.max(sized ?? DEFAULT_PAGE_SIZE, 1);
  const cap = listCapOf(type.name, field.name);
  if (!cap || cap.pricedOnParent) return 1;
  const asked = cap.argument === undefined ? cap.default : args[cap.argument];
  const size = Array.isArray(asked) ? asked.length : typeof asked === "number" ? asked : cap.default;
  return Math.max((cap.items ?? ((n: number) => n))(Math.min(Math.max(size, 0), cap.max)), 1);
}

/**
 * Each field costs 1 plus what it selects times the most items it can return (itemsOf). As
 * every object in an answer is some field's item, and every item costs at least 1, no
 * accepted query can answer more objects than its cost.
 */
export const itemCountEstimator: ComplexityEstimator = (args) => 1 + args.childComplexity * itemsOf(args);

/**
 * The lists of objects in `schema` without an entry in LIST_CAPS: such a list would be
 * priced as one item and bounded by nothing. Checked when the server starts.
 */
export function uncappedLists(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__") || type.name.endsWith("Connection")) continue;
    for (const field of Object.values(type.getFields())) {
      const returns = getNullableType(field.type);
      if (isListType(returns) && !isLeafType(getNamedType(returns)) && !listCapOf(type.name, field.name)) missing.push(`${type.name}.${field.name}`);
    }
  }
  return missing;
}

export function depthRule(limits: QueryLimits) {
  return maxDepthRule(limits.maxDepth);
}

/** Costs remembered per parsed document (Apollo keeps one per query text), for so many variable sets. */
const COSTS_PER_DOCUMENT = 64;
const MAX_CACHED_KEY = 1_000;

/**
 * Refuses an operation whose estimated cost is over the limit, before it runs. A document
 * asked again with the same variables has the same cost: it is computed once.
 */
export function costPlugin(schema: GraphQLSchema, limits: QueryLimits): ApolloServerPlugin {
  const uncapped = uncappedLists(schema);
  if (uncapped.length) throw new Error(`lists without a cap in LIST_CAPS (resolvers/list-caps.ts): ${uncapped.join(", ")}`);
  const costs = new WeakMap<DocumentNode, Map<string, number>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operationName }) {
          let known = costs.get(document);
          if (!known) costs.set(document, (known = new Map()));
          const key = `${operationName ?? ""}\u0000${JSON.stringify(request.variables ?? {})}`;
          let cost = known.get(key);
          if (cost === undefined) {
            cost = estimateCost(schema, document, operationName, request.variables);
            // Not for large variables (an article to ingest): they would fill memory, not save time.
            if (key.length <= MAX_CACHED_KEY) {
              if (known.size >= COSTS_PER_DOCUMENT) known.clear();
              known.set(key, cost);
            }
          }
          if (cost > limits.maxCost) throw tooCostly(cost, limits);
        },
      };
    },
  };
}

function tooCostly(cost: number, limits: QueryLimits): GraphQLError {
  return new GraphQLError(`the query costs ${cost}, over this server's limit of ${limits.maxCost}: ask for fewer items (first/last) or fewer nested lists`, {
    extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, cost, maxCost: limits.maxCost, http: { status: 400 } },
  });
}

/**
 * Why a subscription (graphql-ws) must not run: its variables nest too deep or it costs
 * more than the limit, as for queries over HTTP; nothing (undefined) when it may, or when
 * the document is invalid, which graphql-ws reports itself.
 */
export function subscriptionRefusal(
  schema: GraphQLSchema, limits: QueryLimits, { query, operationName, variables }: { query: string; operationName?: string | null; variables?: Record<string, unknown> | null },
): GraphQLError[] | undefined {
  if (nestedDeeperThan(variables, MAX_VARIABLES_DEPTH)) {
    return [new GraphQLError(`variables are nested more than ${MAX_VARIABLES_DEPTH} levels deep; no input of this API needs that many`, { extensions: { code: ErrorCode.BAD_USER_INPUT } })];
  }
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: limits.maxTokens });
  } catch {
    return undefined;
  }
  if (validate(schema, document, [...specifiedRules, depthRule(limits)]).length) return undefined;
  try {
    const cost = estimateCost(schema, document, operationName, variables ?? undefined);
    return cost > limits.maxCost ? [tooCostly(cost, limits)] : undefined;
  } catch (error) {
    return [error as GraphQLError];
  }
}

/** The operation's estimated cost; refused outright when its fragments expand too far. */
function estimateCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | undefined): number {
  const query = operationName ? separateOperations(document)[operationName] ?? document : document;
  // Invalid variables would stop the estimate too: say what is wrong with them, as execution would.
  const invalid = getVariableValues(schema, getOperationAST(query, operationName)?.variableDefinitions ?? [], variables ?? {}).errors;
  if (invalid) {
    throw new GraphQLError(invalid.map((error) => error.message).join("; "), { extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } } });
  }
  try {
    return getComplexity({
      schema, query, variables: variables ?? {}, operationName: operationName ?? undefined, estimators: [itemCountEstimator],
      maxQueryNodes: MAX_EXPANDED_FIELDS,
    });
  } catch (error) {
    // Raised when fragments expand to more fields than anyone needs (a fragment bomb).
    throw new GraphQLError(`the query expands to more than ${MAX_EXPANDED_FIELDS} fields once its fragments are spread: ${(error as Error).message}`, {
      extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, maxFields: MAX_EXPANDED_FIELDS, http: { status: 400 } },
    });
  }
}
