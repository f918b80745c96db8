// Who may do what: reads are open unless READS_REQUIRE_KEY is on; writes (mutations) need
// the API key, sent as `x-api-key: KEY` or `Authorization: Bearer KEY`.
import { timingSafeEqual } from "node:crypto";
import { GraphQLError } from "graphql";
import type { Access } from "../resolvers/access.js";
import { ErrorCode } from "../error-codes.js";

export interface AccessPolicy {
  apiKey?: string;
  readsRequireKey?: boolean;
}

type Headers = Record<string, string | string[] | undefined>;

function presentedKey(headers: Headers): string | undefined {
  const header = headers["x-api-key"];
  if (typeof header === "string" && header) return header;
  const authorization = headers.authorization;
  const bearer = typeof authorization === "string" ? /^Bearer\s+(.+)$/i.exec(authorization) : null;
  return bearer?.[1]?.trim();
}

function sameKey(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The access of one request (HTTP or WebSocket), or an UNAUTHENTICATED error when reads need a key it lacks. */
export function accessFor(policy: AccessPolicy, headers: Headers): Access {
  const key = presentedKey(headers);
  const hasKey = !!policy.apiKey && !!key && sameKey(key, policy.apiKey);
  if (policy.readsRequireKey && !hasKey) {
    throw new GraphQLError(key ? "the API key is not valid" : "this server needs an API key: send it as x-api-key or Authorization: Bearer", {
      extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
    });
  }
  return { hasKey, writesEnabled: !!policy.apiKey };
}

/**
 * Why a subscription connection (graphql-ws) is refused, with the protocol's close codes:
 * 4401 Unauthorized without a key, 4403 Forbidden with a wrong one; null when it may connect.
 */
export function connectionRefusal(policy: AccessPolicy, headers: Headers): { code: 4401 | 4403; reason: string } | null {
  if (!policy.readsRequireKey) return null;
  const key = presentedKey(headers);
  if (!key) return { code: 4401, reason: "Unauthorized: this server needs an API key (x-api-key or connection_init payload)" };
  if (!policy.apiKey || !sameKey(key, policy.apiKey)) return { code: 4403, reason: "Forbidden: the API key is not valid" };
  return null;
}
