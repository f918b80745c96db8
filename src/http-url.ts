// Which URLs the API stores and serves: absolute http and https URLs only. A page's og:url or a
// client's input may say `javascript:…`, `data:…` or `vbscript:…`, which a frontend that puts
// the URL in a link would run. Free of other imports, so the ingest, the models and the
// GraphQL scalar share one rule.

/**
 * `value` as an absolute http(s) URL in its WHATWG serialization, or null when it is not one.
 * The serialization percent-encodes quotes, spaces and angle brackets, so the URL is safe in
 * an attribute too; it also drops the tabs and newlines a browser would drop ("java\tscript:").
 */
export function httpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
}
