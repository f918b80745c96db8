import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { pubSub } from "./events.js";
import { resolvers } from "./resolvers/index.js";
import { authChecker } from "./server/auth.js";

let built: Promise<GraphQLSchema> | undefined;

/** The GraphQL schema, built once from the type-graphql classes. */
export function getSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({ resolvers, validate: false, authChecker, pubSub });
  return built;
}
