// Which URLs the API stores and serves: absolute http and https URLs only. A page's og:url or a
// client's input may say `javascript:…`, `data:…` or `vbscript:…`, which a frontend that puts
// the URL in a link would run. Free of other imports, so the ingest, the models and the
// GraphQL scalar share one rule.

/**
 * The longest URL kept: browsers and CDNs stop near here, and a longer one would not fit the
 * unique index on Article.url (PostgreSQL's index rows hold about 2,700 bytes).
 */
export const MAX_URL_LENGTH = 2_048;

/**
 * `value` as an absolute http(s) URL in its WHATWG serialization, or null when it is not one
 * or is longer than MAX_URL_LENGTH.
 * The serialization percent-encodes quotes, spaces and angle brackets, so the URL is safe in
 * an attribute too; it also drops the tabs and newlines a browser would drop ("java\tscript:").
 */
export function httpUrl(value: string | null | undefined): string | null {
  if (!value || value.length > 4 * MAX_URL_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  return url.href.length <= MAX_URL_LENGTH ? url.href : null;
}
