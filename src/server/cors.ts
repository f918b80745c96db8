// Cross-origin access for browser apps on other origins (CORS_ORIGINS).
//
// The API uses no cookies: reads are open (or need the API key in a header) and writes need
// the key in a header. So an origin list never needs Access-Control-Allow-Credentials, and
// "*" is safe for reads: any page may read what any server-side client could. Sending the key
// from a browser is allowed only to origins named in the list, so a key pasted into a page on
// an unknown site cannot be used from there.
import cors from "cors";
import type { RequestHandler } from "express";

/** Who may call the API from a browser page on another origin. */
export type CorsPolicy =
  | { kind: "off" }
  | { kind: "any-origin-reads" }
  | { kind: "origins"; origins: ReadonlySet<string> };

/** Headers every cross-origin client may send: a JSON body and Apollo clients' own headers. */
const READ_HEADERS = ["content-type", "apollo-require-preflight", "x-apollo-operation-name", "apollographql-client-name", "apollographql-client-version"];
/** Headers that carry the API key: only from listed origins. */
const KEY_HEADERS = ["authorization", "x-api-key"];
/** How long a browser may reuse a preflight answer. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/** The express middleware for a policy; answers preflight requests itself. */
export function corsMiddleware(policy: CorsPolicy): RequestHandler {
  if (policy.kind === "off") return (_req, _res, next) => next();
  const common = { methods: ["GET", "POST", "OPTIONS"], maxAge: PREFLIGHT_MAX_AGE_SECONDS, credentials: false };
  if (policy.kind === "any-origin-reads") {
    return cors({ ...common, origin: "*", allowedHeaders: READ_HEADERS });
  }
  // A listed origin is echoed back (with Vary: Origin, so caches keep answers apart); any
  // other gets no Access-Control-* header and the browser withholds the answer.
  return cors({ ...common, origin: (origin, callback) => callback(null, origin !== undefined && policy.origins.has(origin)), allowedHeaders: [...READ_HEADERS, ...KEY_HEADERS] });
}

/**
 * Reads CORS_ORIGINS: unset or "*" lets any origin read; "none" turns cross-origin access
 * off; otherwise a comma-separated list of origins (scheme, host and port, no path) that may
 * read and also send the API key. Throws a message naming the entry that is not an origin.
 */
export function parseCorsOrigins(value: string | undefined): CorsPolicy {
  const raw = value?.trim() ?? "";
  if (raw === "" || raw === "*") return { kind: "any-origin-reads" };
  if (/^(none|off)$/i.test(raw)) return { kind: "off" };
  const origins = new Set<string>();
  for (const entry of raw.split(",").map((s) => s.trim()).filter(Boolean)) {
    if (entry === "*") throw new Error(`CORS_ORIGINS mixes "*" with a list of origins: use "*" alone, or list each origin`);
    origins.add(originOf(entry));
  }
  return { kind: "origins", origins };
}

function originOf(entry: string): string {
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    throw new Error(`CORS_ORIGINS entry "${entry}" is not an origin: expected e.g. https://app.example.com or http://localhost:3000`);
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.pathname !== "/" || url.search || url.hash || url.username || entry.replace(/\/$/, "") !== url.origin) {
    throw new Error(`CORS_ORIGINS entry "${entry}" is not an origin: give scheme, host and port only, e.g. ${url.origin === "null" ? "https://app.example.com" : url.origin}`);
  }
  return url.origin;
}
