// What a client selected below the field being resolved: list resolvers read it to fetch
// children that will surely be asked for (an article page's quotes and persons) in the
// list's own statement, as PostGraphile does, instead of one statement per level.
import type { GraphQLResolveInfo } from "graphql";
import { parseResolveInfo, type ResolveTree } from "graphql-parse-resolve-info";
import {
  ARTICLE_COLUMNS, PERSON_DETAILS, QUOTE_COLUMNS, type ArticleColumn, type PersonDetail,
} from "../db/queries/by-key.js";
import type { ArticleChildren } from "../db/queries/article-children.js";
import { LIST_CAPS, type CappedList, type ListCap } from "./list-caps.js";

export class Selection {
  private constructor(private readonly trees: ResolveTree[]) {}

  /** The selection of the field being resolved (fragments spread, @skip/@include applied). */
  static of(info: GraphQLResolveInfo): Selection {
    const tree = parseResolveInfo(info) as ResolveTree | null;
    return new Selection(tree ? [tree] : []);
  }

  /** The selections of `field` on `type` below this one, under any alias. */
  field(type: string, field: string): Selection {
    return new Selection(
      this.trees.flatMap((tree) => Object.values(tree.fieldsByTypeName[type] ?? {}).filter((child) => child.name === field)),
    );
  }

  /** Either selection: `edges { node }` or `nodes`. */
  or(other: Selection): Selection {
    return new Selection([...this.trees, ...other.trees]);
  }

  get selected(): boolean {
    return this.trees.length > 0;
  }

  /**
   * The most items any of these selections of a capped list asks for (its size argument or
   * default, at most its cap): what a statement bringing the list along must read.
   */
  largestSize(list: CappedList): number {
    const cap: ListCap = LIST_CAPS[list];
    const sizes = this.trees.map((tree) => {
      const asked = tree.args[cap.argument ?? "first"];
      return typeof asked === "number" ? Math.min(Math.max(asked, 0), cap.max) : cap.default;
    });
    return Math.max(0, ...sizes);
  }
}

/** The nodes of a connection: `edges { node { … } }` and `nodes { … }` together. */
export function connectionNodes(connection: Selection, connectionType: string, edgeType: string): Selection {
  return connection.field(connectionType, "edges").field(edgeType, "node").or(connection.field(connectionType, "nodes"));
}

/** The long Person fields a selection of persons reads. */
function personDetails(person: Selection): PersonDetail[] {
  return PERSON_DETAILS.filter((field) => person.field("Person", field).selected);
}

/**
 * The columns a selection of `type` reads: those named like a selected field, and those
 * that fields computed from others (`derived`) read.
 */
function columnsRead<C extends string>(selection: Selection, type: string, columns: readonly C[], derived: Record<string, readonly C[]> = {}): C[] {
  const read = new Set(columns.filter((column) => selection.field(type, column).selected));
  for (const [field, from] of Object.entries(derived)) if (selection.field(type, field).selected) for (const column of from) read.add(column);
  return [...read];
}

/** The article columns a selection of articles reads. */
export function articleColumnsRead(article: Selection): ArticleColumn[] {
  return columnsRead(article, "Article", ARTICLE_COLUMNS);
}

/**
 * What the page statement of an ArticleConnection should bring along, from the client's
 * selection: the total, the article columns read, which children with which fields, and
 * whether search snippets are read, as HTML or as a highlight (each is ts_headline over an article's body).
 */
export function articleConnectionNeeds(info: GraphQLResolveInfo): { children: ArticleChildren; columns: ArticleColumn[]; totalCount: boolean; snippets: boolean } {
  const connection = Selection.of(info);
  const article = connectionNodes(connection, "ArticleConnection", "ArticleEdge");
  const quotes = article.field("Article", "quotes");
  const speaker = quotes.field("Quote", "speaker");
  const persons = article.field("Article", "persons");
  const venues = article.field("Article", "venues");
  const children: ArticleChildren = {
    quotes: quotes.selected
      ? {
          // Quote.sentence is cut from the context around the text.
          columns: columnsRead(quotes, "Quote", QUOTE_COLUMNS, { sentence: ["context", "text"] }),
          speaker: speaker.selected ? personDetails(speaker) : undefined,
          limit: quotes.largestSize("Article.quotes"),
        }
      : undefined,
    persons: persons.selected ? { details: personDetails(persons), limit: persons.largestSize("Article.persons") } : undefined,
    venues: venues.selected ? { limit: venues.largestSize("Article.venues") } : undefined,
  };
  return {
    children,
    columns: articleColumnsRead(article),
    totalCount: connection.field("ArticleConnection", "totalCount").selected,
    snippets: ["snippet", "highlight"].some((name) => connection.field("ArticleConnection", "edges").field("ArticleEdge", name).selected),
  };
}
