// Turns a fetched page (positions and keys) into a Relay connection of loaded nodes.
import type DataLoader from "dataloader";
import type { Sql } from "../db/rows.js";
import { fetchPagesByParent, type ListQuery, type Page, type PageRow } from "../db/queries/page-query.js";
import { decodeArticleChildren, type ArticleChildren } from "../db/queries/article-children.js";
import { highlightedHtml, parseHeadline } from "../db/queries/highlight.js";
import { articleRowOf } from "../db/queries/by-key.js";
import { PageInfo } from "../models/connection.js";
import type { Article } from "../models/Article.js";
import type { Highlight } from "../models/Highlight.js";
import { articleFromRow, preloadedChildren } from "../db/objects.js";
import type { Context } from "./context.js";
import { primed } from "./loaders.js";
import type { PageWindow } from "../db/page-window.js";
import { cursorAt } from "./pagination.js";

interface EdgeShape<N> {
  cursor: string;
  node: N;
}

interface ConnectionShape<N, E> {
  edges: E[];
  nodes: N[];
  pageInfo: PageInfo;
  countTotal: () => number | Promise<number>;
}

export async function toConnection<N, E extends EdgeShape<N>, C extends ConnectionShape<N, E>>(
  ConnectionClass: new () => C,
  EdgeClass: new () => E,
  page: Page,
  load: (ids: number[]) => Promise<(N | null | Error)[]>,
  edgeFields: (row: PageRow) => Partial<E> = () => ({}),
): Promise<C> {
  const nodes = await load(page.rows.map((row) => row.id));
  const edges: E[] = [];
  page.rows.forEach((row, i) => {
    const node = nodes[i];
    // A node deleted between the page query and the load is left out.
    if (node == null || node instanceof Error) return;
    edges.push(Object.assign(new EdgeClass(), edgeFields(row), { cursor: cursorAt(row.position), node }));
  });
  const pageInfo = Object.assign(new PageInfo(), {
    hasPreviousPage: page.hasPreviousPage,
    hasNextPage: page.hasNextPage,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges.at(-1)?.cursor ?? null,
  });
  const { total } = page;
  const countTotal = typeof total === "number" ? () => total : total;
  return Object.assign(new ConnectionClass(), { edges, nodes: edges.map((e) => e.node), pageInfo, countTotal });
}

/**
 * The page's own nodes, made from its rows, for toConnection. Rows that carry only the
 * columns a client selected (and children projected to it) make objects that must fill
 * no loader: another field of the request may read more of the same row.
 */
export function ownNodes<T>(page: Page, fromRow: (row: PageRow) => T): () => Promise<T[]> {
  const nodes = page.rows.map(fromRow);
  return () => Promise.resolve(nodes);
}

/** The articles of a page whose rows carry them and the children the client selected (see withArticleRows). */
export function articlesOfRows(page: Page, children: ArticleChildren): () => Promise<Article[]> {
  return ownNodes(page, (row) =>
    Object.assign(articleFromRow(articleRowOf(row)), { preloaded: preloadedChildren(decodeArticleChildren(row, children)) }));
}

/**
 * The nodes of a nested page whose rows carry whole entities (ListQuery.entity): they fill
 * the loader, so loading them sends no statement.
 */
export function nodesOfRows<T extends { dbId: number }>(
  loader: DataLoader<number, T | null>, page: Page, fromRow: (row: PageRow) => T,
): (ids: number[]) => Promise<(T | null | Error)[]> {
  for (const row of page.rows) primed(loader, fromRow(row));
  return (ids) => loader.loadMany(ids);
}

/**
 * Search rank and snippet of a row, when the query had a search: the snippet as escaped HTML
 * with the server's <mark>s, and as plain text with the matches' offsets.
 */
export function searchFields(row: PageRow): { rank: number | null; snippet: string | null; highlight: Highlight | null } {
  const rank = row.rank == null ? null : Number(row.rank);
  if (typeof row.snippet !== "string") return { rank, snippet: null, highlight: null };
  const highlight = parseHeadline(row.snippet);
  return { rank, snippet: highlightedHtml(highlight), highlight };
}

/**
 * The page of one parent's nested list (Person.articlesConnection …), batched with every
 * other parent asking for the same field and arguments in this request: one statement.
 */
export function pageOfParent(
  { db, loaders }: Context, field: string, args: unknown, query: ListQuery & { parent: Sql }, window: PageWindow, parentId: number,
): Promise<Page> {
  const key = `${field}:${JSON.stringify([args, window])}`;
  return loaders.paged(key, (parents) => fetchPagesByParent(db, query, parents, window)).load(parentId);
}

/** Pairs rows with the entities loaded for them, dropping rows whose entity is gone. */
export function withLoaded<R, E, O>(rows: R[], entities: (E | null | Error)[], make: (row: R, entity: E) => O): O[] {
  return rows.flatMap((row, i) => {
    const entity = entities[i];
    return entity == null || entity instanceof Error ? [] : [make(row, entity)];
  });
}
