import type { Logger } from "pino";
import type { Database } from "../db/connection.js";
import type { Access } from "../server/auth.js";
import type { Loaders } from "./loaders.js";

/** What every resolver gets: the database, this request's loaders, logger and access. */
export interface Context {
  db: Database;
  loaders: Loaders;
  log: Logger;
  access: Access;
}
