// Deleting an article, whole, in one transaction.
import type { PrismaClient } from "../generated/prisma/client.js";

/**
 * Deletes an article (its quotes, mentions and comments cascade), then the persons and
 * venues it named that no other article names and no quote points at. Null when absent.
 */
export async function deleteArticle(prisma: PrismaClient, articleId: number): Promise<{ articleId: number; orphansRemoved: number } | null> {
  return prisma.$transaction(async (tx) => {
    const [persons, venues] = await Promise.all([
      tx.articlePerson.findMany({ where: { articleId }, select: { personId: true } }),
      tx.articleVenue.findMany({ where: { articleId }, select: { venueId: true } }),
    ]);
    const { count } = await tx.article.deleteMany({ where: { id: articleId } });
    if (count === 0) return null;
    const orphanPersons = await tx.person.deleteMany({
      where: { id: { in: persons.map((p) => p.personId) }, articles: { none: {} }, quotes: { none: {} } },
    });
    const orphanVenues = await tx.venue.deleteMany({ where: { id: { in: venues.map((v) => v.venueId) }, articles: { none: {} } } });
    return { articleId, orphansRemoved: orphanPersons.count + orphanVenues.count };
  });
}
