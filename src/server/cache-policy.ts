// Cache-Control for GraphQL answers, so that a browser or a CDN can keep a query's answer
// fetched by URL (GET, with a persisted query's hash). Only queries that read articles and
// persons are cacheable, only over GET and only without errors; everything else says no-store.
//
// Apollo's cache-control plugin would compute a policy from hints on every field as it is
// resolved, a hook per field. Here the policy depends only on the operation's root fields,
// so it is found once per document by looking at them, and remembered with the document.
import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestHandler } from "express";
import { getNamedType, getOperationAST, isObjectType, type DocumentNode, type GraphQLSchema, type SelectionSetNode } from "graphql";

export interface HttpCachePolicy {
  /** How long an answer may be reused; 0 turns caching off. */
  maxAgeSeconds: number;
  /** "public" lets shared caches (CDNs) keep answers; "private" only the client's own, for servers whose reads need the key. */
  scope: "public" | "private";
}

export const DEFAULT_MAX_AGE_SECONDS = 60;

/** What root fields returning these types (or connections of them) read may be cached. */
const CACHEABLE_TYPES = new Set(["Article", "Person"]);

/** Query fields that return an article or a person, a list or a connection of them. */
export function cacheableRootFields(schema: GraphQLSchema): Set<string> {
  const fields = new Set<string>();
  for (const [name, field] of Object.entries(schema.getQueryType()?.getFields() ?? {})) {
    let type = getNamedType(field.type);
    const nodes = isObjectType(type) ? type.getFields().nodes : undefined;
    if (nodes && type.name.endsWith("Connection")) type = getNamedType(nodes.type);
    if (CACHEABLE_TYPES.has(type.name)) fields.add(name);
  }
  return fields;
}

/** Whether every root field of the operation (fragments at the root included) is cacheable. */
function readsOnly(selectionSet: SelectionSetNode, document: DocumentNode, cacheable: Set<string>, seen = new Set<string>()): boolean {
  return selectionSet.selections.every((selection) => {
    if (selection.kind === "Field") return selection.name.value === "__typename" || cacheable.has(selection.name.value);
    if (selection.kind === "InlineFragment") return readsOnly(selection.selectionSet, document, cacheable, seen);
    const name = selection.name.value;
    if (seen.has(name)) return true;
    seen.add(name);
    const fragment = document.definitions.find((d) => d.kind === "FragmentDefinition" && d.name.value === name);
    return fragment?.kind === "FragmentDefinition" && readsOnly(fragment.selectionSet, document, cacheable, seen);
  });
}

/** Sets Cache-Control on cacheable answers to GET queries; the rest keep noStore's header. */
export function cacheControlPlugin(schema: GraphQLSchema, policy: HttpCachePolicy): ApolloServerPlugin {
  const cacheable = cacheableRootFields(schema);
  const header = `${policy.scope}, max-age=${policy.maxAgeSeconds}`;
  // Keyed by the parsed document, which Apollo keeps for each query text; per operation name.
  const known = new WeakMap<DocumentNode, Map<string, boolean>>();
  const isCacheable = (document: DocumentNode, operationName: string | null): boolean => {
    let byOperation = known.get(document);
    if (!byOperation) known.set(document, (byOperation = new Map()));
    const key = operationName ?? "";
    let answer = byOperation.get(key);
    if (answer === undefined) {
      const operation = getOperationAST(document, operationName);
      answer = operation?.operation === "query" && readsOnly(operation.selectionSet, document, cacheable);
      byOperation.set(key, answer);
    }
    return answer;
  };
  return {
    async requestDidStart() {
      if (policy.maxAgeSeconds === 0) return;
      return {
        async willSendResponse({ request, response, document, operationName, errors }) {
          if (request.http?.method !== "GET" || !document || errors?.length) return;
          if (response.body.kind !== "single" || response.body.singleResult.errors?.length) return;
          if (isCacheable(document, operationName ?? null)) response.http.headers.set("cache-control", header);
        },
      };
    },
  };
}

/** Every GraphQL answer is no-store unless the plugin above finds it cacheable, errors before Apollo's plugins included. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.set("cache-control", "no-store");
  next();
};
