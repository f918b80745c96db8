// What a request may do, as the resolvers see it: the server works out the access from the
// request's headers (server/auth.ts); @Authorized("WRITE") fields are checked here.
import { GraphQLError } from "graphql";
import type { AuthChecker } from "type-graphql";
import { ErrorCode } from "../error-codes.js";

export interface Access {
  /** Whether the request carried the right API key. */
  hasKey: boolean;
  /** Whether the server accepts writes at all (an API key is configured). */
  writesEnabled: boolean;
}

/** type-graphql's check for @Authorized("WRITE") fields. */
export const authChecker: AuthChecker<{ access: Access }> = ({ context }) => {
  if (!context.access.writesEnabled) {
    throw new GraphQLError("writes are turned off on this server: start it with API_KEY set", { extensions: { code: ErrorCode.FORBIDDEN } });
  }
  if (!context.access.hasKey) {
    throw new GraphQLError("this operation writes data and needs the API key: send it as x-api-key or Authorization: Bearer", {
      extensions: { code: ErrorCode.UNAUTHENTICATED },
    });
  }
  return true;
};
