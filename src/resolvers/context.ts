import type { Logger } from "pino";
import type { Database } from "../db/connection.js";
import type { RequestScope } from "../db/request-scope.js";
import type { NewsgraphPubSub } from "../events.js";
import type { Access } from "./access.js";
import type { Loaders } from "./loaders.js";

/** What every resolver gets: the database, this request's loaders, logger, access and pub/sub. */
export interface Context {
  db: Database;
  loaders: Loaders;
  log: Logger;
  access: Access;
  /** Where subscription events are published (in-process or Redis). */
  pubSub: NewsgraphPubSub;
  /** The HTTP request's time limit and statements (none for subscriptions). */
  requestScope?: RequestScope;
}
