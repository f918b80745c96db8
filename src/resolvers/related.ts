import { badInput } from "./errors.js";
import { MAX_PAGE_SIZE } from "./pagination.js";

/** Checks the arguments of a related-entities list (coMentioned, venues, persons). */
export function relatedLimit(first: number, minShared: number): number {
  if (first < 0 || first > MAX_PAGE_SIZE) throw badInput(`first must be between 0 and ${MAX_PAGE_SIZE}, got ${first}`, "first");
  if (minShared < 1) throw badInput(`minSharedArticles must be at least 1, got ${minShared}`, "minSharedArticles");
  return first;
}
