// Persons and venues related to a person or venue through the articles they share
// (Person.coMentioned, Person.venues, Venue.persons), batched over all parents.
import { relatedByParent } from "../db/queries/analytics.js";
import { withLoaded } from "./connections.js";
import type { Context } from "./context.js";
import { badInput, inRange } from "./errors.js";
import { MAX_PAGE_SIZE } from "./pagination.js";

type MentionKind = "person" | "venue";

/**
 * The `first` entities of kind `to` sharing at least `minShared` articles with the parent of
 * kind `from`, most shared first, each loaded through `load`. One statement for all the
 * parents asking with the same arguments, one more to load the entities.
 */
export async function relatedEntities<E>(
  { db, loaders }: Context,
  field: string,
  from: MentionKind,
  to: MentionKind,
  parentId: number,
  first: number,
  minShared: number,
  load: (ids: number[]) => Promise<(E | null | Error)[]>,
): Promise<{ entity: E; sharedArticles: number }[]> {
  const limit = inRange(first, "first", 0, MAX_PAGE_SIZE);
  if (minShared < 1) throw badInput(`minSharedArticles must be at least 1, got ${minShared}`, "minSharedArticles");
  const related = await loaders
    .related(`${field}:${limit}:${minShared}`, (parents) => relatedByParent(db, from, to, parents, limit, minShared))
    .load(parentId);
  return withLoaded(related, await load(related.map((r) => r.id)), (r, entity) => ({ entity, sharedArticles: r.sharedArticles }));
}
