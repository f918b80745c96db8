// Runs a filtered, ordered list query one page at a time, for the Relay connections.
// One statement counts the list and one fetches the page; for nested connections one
// statement pages the lists of many parents at once (window functions), so a connection
// costs the same number of statements whatever the page size or the number of parents.
import { Prisma } from "../../generated/prisma/client.js";
import type { SqlReader } from "../sql-reader.js";
import { keyIn } from "./sql.js";
import { offsetAndLimit, needsTotalFirst, type PageWindow } from "../page-window.js";

export interface ListQuery {
  /** The FROM clause, with its joins, e.g. Prisma.sql`"Article" a`. */
  from: Prisma.Sql;
  /** Conditions, joined with AND. */
  where: Prisma.Sql[];
  /** The item's key, e.g. Prisma.sql`a.id`. */
  id: Prisma.Sql;
  /** The ORDER BY list; it must end with a unique key so positions are stable. */
  orderBy: Prisma.Sql;
  /**
   * A statement answering the list's total as `total`, where one cheaper than counting the
   * rows exists (e.g. kept counts); the rows are counted otherwise.
   */
  count?: Prisma.Sql;
  /** Extra output columns, each with its alias, e.g. Prisma.sql`ts_rank(...) AS rank`. */
  columns?: Prisma.Sql[];
  /**
   * The listed entity's table and columns (alias e), for nested pages to return whole
   * rows: joined to the page's rows only, after the window functions ranked the keys.
   */
  entity?: {
    table: Prisma.Sql;
    columns: Prisma.Sql;
    /** Tables joined to the entity (e) for more columns in its rows, e.g. a quote's article. */
    joins?: Prisma.Sql;
  };
}

export interface PageRow {
  id: number;
  /** 1-based position in the whole ordered list. */
  position: number;
  [column: string]: unknown;
}

export interface Page {
  rows: PageRow[];
  /** The list's total: a number, or a function that counts it (only when a client asks). */
  total: number | (() => Promise<number>);
  hasPreviousPage: boolean;
  hasNextPage: boolean;
}

/** Conditions joined with AND; TRUE when there are none. */
export const conditions = (where: Prisma.Sql[]) => (where.length ? Prisma.join(where, " AND ") : Prisma.sql`TRUE`);
const extraColumns = (columns: Prisma.Sql[] = []) => (columns.length ? Prisma.sql`, ${Prisma.join(columns, ", ")}` : Prisma.empty);

/** Whether items lie before and after a window of a list of `total` items. */
export function pageFlags(window: PageWindow, total: number): Pick<Page, "hasPreviousPage" | "hasNextPage"> {
  const { offset, limit } = offsetAndLimit(window, total);
  return { hasPreviousPage: offset > 0 && total > 0, hasNextPage: offset + limit < total };
}

/**
 * One page of a list. The list is counted only when the window needs it (`last` without
 * `before`) or a client asks for totalCount; otherwise one row more than the page tells
 * whether another page follows.
 */
export async function fetchPage(db: SqlReader, query: ListQuery, window: PageWindow, { countWithPage = false } = {}): Promise<Page> {
  const countQuery = query.count ?? Prisma.sql`SELECT count(*)::int AS total FROM ${query.from} WHERE ${conditions(query.where)}`;
  let counted: Promise<number> | undefined;
  let inlineTotal: number | undefined;
  const count = () => (counted ??= db.query<{ total: number }>(countQuery).then((rows) => rows[0]!.total));
  // A client that will read totalCount gets it from the page's own statement: an
  // uncorrelated subquery, counted once.
  const countsWithRows = countWithPage && !needsTotalFirst(window);
  const inlineCount = countsWithRows ? Prisma.sql`, (${countQuery}) AS "listTotal"` : Prisma.empty;
  const rowsAt = ({ offset, limit }: { offset: number; limit: number }): Promise<PageRow[]> =>
    limit === 0
      ? Promise.resolve<PageRow[]>([])
      : db.query<PageRow>(Prisma.sql`
          SELECT ${query.id} AS id${extraColumns(query.columns)}${inlineCount} FROM ${query.from} WHERE ${conditions(query.where)}
          ORDER BY ${query.orderBy} OFFSET ${offset}::int LIMIT ${limit}::int`).then((rows) => {
          if (rows[0]?.listTotal != null) {
            inlineTotal = rows[0].listTotal as number;
            counted = Promise.resolve(inlineTotal);
          }
          return rows.map(({ listTotal: _, ...row }, i) => ({ ...row, id: row.id as number, position: offset + 1 + i }));
        });

  if (needsTotalFirst(window)) {
    const total = await count();
    return { rows: await rowsAt(offsetAndLimit(window, total)), total, ...pageFlags(window, total) };
  }
  // Without `last`, the window does not depend on the total.
  const { offset, limit } = offsetAndLimit(window, Number.MAX_SAFE_INTEGER - 1);
  // Whether items follow the page: the total tells, where it comes with the page's rows;
  // otherwise one row more than the page does (for a search, one snippet more).
  const totalWithRows = countsWithRows && limit > 0;
  const fetched = await rowsAt({ offset, limit: totalWithRows ? limit : limit + 1 });
  const rows = fetched.slice(0, limit);
  const itemsFollow = totalWithRows ? rows.length > 0 && offset + rows.length < inlineTotal! : fetched.length > limit;
  return {
    rows,
    total: count,
    hasPreviousPage: offset > 0,
    // An item at `before` exists (its cursor came from this list), so one follows the page there.
    hasNextPage: itemsFollow || (window.before != null && rows.length > 0),
  };
}

/**
 * The same page of each parent's list, in one statement: `parent` is the column that
 * names the parent (e.g. Prisma.sql`ap."personId"`).
 */
export async function fetchPagesByParent(
  db: SqlReader,
  query: ListQuery & { parent: Prisma.Sql },
  parents: readonly number[],
  window: PageWindow,
): Promise<Map<number, Page>> {
  const { after, before, first, last } = window;
  // Row 1 of every list always comes back too, so a list whose page is empty still
  // reports its total; it is dropped below when outside the window.
  const entity = query.entity
    ? { columns: Prisma.sql`, ${query.entity.columns}`, join: Prisma.sql`JOIN ${query.entity.table} e ON e.id = ranked.id ${query.entity.joins ?? Prisma.empty}` }
    : { columns: Prisma.empty, join: Prisma.empty };
  const rows = await db.query<PageRow & { parent: number; total: number }>(Prisma.sql`
    SELECT ranked.*${entity.columns} FROM (
      SELECT ${query.parent} AS parent, ${query.id} AS id${extraColumns(query.columns)},
        row_number() OVER (PARTITION BY ${query.parent} ORDER BY ${query.orderBy})::int AS position,
        count(*) OVER (PARTITION BY ${query.parent})::int AS total
      FROM ${query.from} WHERE ${keyIn(query.parent, parents)} AND ${conditions(query.where)}
    ) ranked ${entity.join}
    WHERE ranked.position = 1 OR (ranked.position > ${after}::int AND ranked.position < COALESCE(${before}::int, ranked.total + 1)
      AND (${first}::int IS NULL OR ranked.position <= ${after}::int + ${first}::int)
      AND (${last}::int IS NULL OR ranked.position >= COALESCE(${before}::int, ranked.total + 1) - ${last}::int))
    ORDER BY ranked.parent, ranked.position`);

  const pages = new Map<number, Page>(parents.map((parent) => [parent, { rows: [], total: 0, ...pageFlags(window, 0) }]));
  for (const { parent, total, ...row } of rows) {
    const page = pages.get(parent)!;
    Object.assign(page, { total }, pageFlags(window, total));
    const { offset, limit } = offsetAndLimit(window, total);
    if (row.position > offset && row.position <= offset + limit) page.rows.push(row);
  }
  return pages;
}

/** The keys of one slice of a list, without counting it (for the plain list fields). */
export async function fetchIds(db: SqlReader, query: ListQuery, offset: number, limit: number): Promise<number[]> {
  if (limit === 0) return [];
  const rows = await db.query<{ id: number }>(Prisma.sql`
    SELECT ${query.id} AS id FROM ${query.from} WHERE ${conditions(query.where)} ORDER BY ${query.orderBy} OFFSET ${offset}::int LIMIT ${limit}::int`);
  return rows.map((row) => row.id);
}
