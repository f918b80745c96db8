// Whether the database holds any article yet: asked at start, before anything else.
import { Prisma } from "../../generated/prisma/client.js";
import type { SqlReader } from "../sql-reader.js";

/** True when no article is stored (a first start). Read through the direct reader, not Prisma's client. */
export async function holdsNoArticles(db: SqlReader): Promise<boolean> {
  const [row] = await db.query<{ empty: boolean }>(Prisma.sql`SELECT NOT EXISTS (SELECT 1 FROM "Article") AS empty`);
  return row!.empty;
}
