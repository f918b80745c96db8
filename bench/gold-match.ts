// How names are matched against the gold annotation (its "description"): NFKC, lowercase,
// NBSP -> space, no leading "the ", no trailing possessive, no dots, trimmed punctuation.
// Shared by `npm run eval` and the tests that lock the seeds.
export function goldNormalize(s: string): string {
  return s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\u00a0/g, " ")
    .replace(/^the\s+/, "")
    .replace(/(’s|'s|’)$/, "")
    .replace(/\./g, "")
    .replace(/^[\p{P}\s]+|[\p{P}\s]+$/gu, "")
    .replace(/\s+/g, " ");
}
