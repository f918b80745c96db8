// Persons and venues related to a person or venue through the articles they share
// (Person.coMentioned, Person.venues, Venue.persons), batched over all parents.
import { relatedByParent, type MentionKind } from "../db/queries/analytics.js";
import type { PersonRow, VenueRow } from "../db/rows.js";
import { personFromRow, venueFromRow } from "../db/objects.js";
import type { Person } from "../models/Person.js";
import type { Venue } from "../models/Venue.js";
import type { Context } from "./context.js";
import { primed, type Loaders } from "./loaders.js";
import { badInput } from "./errors.js";
import { cappedSize, type CappedList } from "./list-caps.js";

type Entity<K extends MentionKind> = K extends "person" ? Person : Venue;

/**
 * The `first` entities of kind `to` sharing at least `minShared` articles with the parent of
 * kind `from`, most shared first. One statement, entities included, for all the parents
 * asking with the same arguments; the entities' loader is primed with them.
 */
export async function relatedEntities<K extends MentionKind>(
  { db, loaders }: Context,
  field: CappedList,
  from: MentionKind,
  to: K,
  parentId: number,
  first: number,
  minShared: number,
): Promise<{ entity: Entity<K>; sharedArticles: number }[]> {
  const limit = cappedSize(field, first);
  if (minShared < 1) throw badInput(`minSharedArticles must be at least 1, got ${minShared}`, "minSharedArticles");
  const related = await loaders
    .related(`${field}:${limit}:${minShared}`, (parents) => relatedByParent(db, from, to, parents, limit, minShared))
    .load(parentId);
  return related.map(({ row, sharedArticles }) => ({ entity: primedEntity(loaders, to, row) as Entity<K>, sharedArticles }));
}

/** The person or venue of a row, also handed to its loader, so loading it again sends no statement. */
function primedEntity(loaders: Loaders, kind: MentionKind, row: PersonRow | VenueRow): Person | Venue {
  return kind === "person" ? primed(loaders.person, personFromRow(row as PersonRow)) : primed(loaders.venue, venueFromRow(row as VenueRow));
}
