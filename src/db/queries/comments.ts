// The comment threads behind Article.commentsConnection, in thread order.
import { Prisma } from "../../generated/prisma/client.js";
import { containsPattern } from "./sql.js";
import type { ListQuery } from "./page-query.js";

export interface CommentFilterValues {
  /** Part of the author's name, case-insensitive. */
  author?: string | null;
}

/** Comments per article (parent: the article's key), in thread order. */
export function commentsOfArticles(filter: CommentFilterValues): ListQuery & { parent: Prisma.Sql } {
  return {
    from: Prisma.sql`"Comment" c`,
    where: filter.author ? [Prisma.sql`c.author ILIKE ${containsPattern(filter.author)}`] : [],
    id: Prisma.sql`c.id`,
    orderBy: Prisma.sql`c.position ASC, c.id ASC`,
    parent: Prisma.sql`c."articleId"`,
  };
}
