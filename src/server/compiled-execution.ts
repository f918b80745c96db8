// Runs queries compiled to JavaScript by graphql-jit instead of interpreted by graphql-js.
// graphql-js walks the document for every field of every item, and on a page of 20
// articles with their quotes, speakers and persons (some 700 fields) that walk cost about
// as much as all the rest of the request. A compiled query does the walk once.
//
// Apollo Server takes a custom executor through its gateway interface: Apollo still parses,
// validates, prices (limits.ts) and formats errors; only execution is swapped. Mutations
// keep graphql-js, and so does a document until its second request, so that one-off
// documents cost no compilation.
import type { GatewayExecutor, GatewayInterface } from "@apollo/server-gateway-interface";
import { execute, GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema } from "graphql";
import { compileQuery, isCompiledQuery, type CompiledQuery } from "graphql-jit";
import type { Logger } from "pino";

/** Where a document's operation stands: asked once (interpreted), compiled, or not compilable. */
type CompileState = "seen once" | CompiledQuery | "interpret";

/** An executor that runs each repeated query document compiled, and anything else with graphql-js. */
export function compiledQueryExecutor(schema: GraphQLSchema, log: Logger): GatewayExecutor {
  // Keyed by the parsed document, which Apollo's document cache keeps for each query text,
  // and dropped with it. Per operation name: a document may hold several operations.
  const states = new WeakMap<DocumentNode, Map<string, CompileState>>();

  /** The compiled query to run, or null for graphql-js (a first request, or not compilable). */
  const compiledFor = (document: DocumentNode, operationName: string | null): CompiledQuery | null => {
    let byOperation = states.get(document);
    if (!byOperation) states.set(document, (byOperation = new Map()));
    const key = operationName ?? "";
    let state = byOperation.get(key);
    if (state === undefined) {
      byOperation.set(key, "seen once");
      return null;
    }
    if (state === "seen once") {
      const result = compileQuery(schema, document, operationName ?? undefined);
      // A document graphql-jit cannot compile is left to graphql-js, which reports its errors.
      state = isCompiledQuery(result) ? result : "interpret";
      byOperation.set(key, state);
      log.debug({ operationName }, state === "interpret" ? "graphql-jit cannot compile the query: graphql-js runs it" : "query compiled");
    }
    return state === "interpret" ? null : state;
  };

  return async ({ document, operation, operationName, request, context }) => {
    const compiled = operation.operation === "query" ? compiledFor(document, operationName) : null;
    if (compiled) {
      const result = (await compiled.query(undefined, context, request.variables ?? {})) as ExecutionResult;
      return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
    }
    return execute({ schema, document, operationName, contextValue: context, variableValues: request.variables });
  };
}

/**
 * graphql-jit's errors as graphql-js makes them. graphql-jit's own error class leaves
 * `extensions` undefined where the thrown error had none, and Apollo reads
 * `extensions.code` of every error: it would answer a bare "Internal server error" without
 * calling the server's error formatter.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const { message, path, originalError, extensions, locations } = error;
  return Object.assign(new GraphQLError(message, { path, originalError, extensions }), { locations });
}

/**
 * Apollo Server's gateway interface, serving a fixed schema with `executor`: the way Apollo
 * takes an executor of one's own.
 */
export function fixedSchemaGateway(schema: GraphQLSchema, executor: GatewayExecutor): GatewayInterface {
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: "" });
      return () => {};
    },
    load: async () => ({ executor }),
    stop: async () => {},
  };
}
