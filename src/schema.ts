import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { inProcessEvents, type NewsgraphPubSub } from "./events.js";
import { resolvers } from "./resolvers/index.js";
import { authChecker } from "./resolvers/access.js";

const built = new WeakMap<NewsgraphPubSub, Promise<GraphQLSchema>>();
/** A pub/sub for schemas that serve no subscriptions (schema.graphql, validation in tests). */
const detached = inProcessEvents().pubSub;

/**
 * The GraphQL schema, built once per pub/sub from the type-graphql classes: subscriptions
 * listen on the pub/sub the schema is built with.
 */
export function getSchema(pubSub: NewsgraphPubSub = detached): Promise<GraphQLSchema> {
  let schema = built.get(pubSub);
  if (!schema) {
    schema = buildSchema({ resolvers, validate: false, authChecker, pubSub });
    built.set(pubSub, schema);
  }
  return schema;
}
