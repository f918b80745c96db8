// What a client selected below the field being resolved: list resolvers read it to fetch
// children that will surely be asked for (an article page's quotes and persons) in the
// list's own statement, as PostGraphile does, instead of one statement per level.
import type { GraphQLResolveInfo } from "graphql";
import { parseResolveInfo, type ResolveTree } from "graphql-parse-resolve-info";
import { PERSON_DETAILS, type ArticleChildren, type PersonDetail } from "../db/queries/by-key.js";

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
 * What the page statement of an ArticleConnection should bring along, from the client's
 * selection: the total, the body, and which children with which of their long fields.
 */
export function articleConnectionNeeds(info: GraphQLResolveInfo): { children: ArticleChildren; body: boolean; totalCount: boolean } {
  const connection = Selection.of(info);
  const article = connectionNodes(connection, "ArticleConnection", "ArticleEdge");
  const quotes = article.field("Article", "quotes");
  const speaker = quotes.field("Quote", "speaker");
  const persons = article.field("Article", "persons");
  const children: ArticleChildren = {
    quotes: quotes.selected
      ? {
          // Quote.sentence is cut from the context.
          context: quotes.field("Quote", "context").or(quotes.field("Quote", "sentence")).selected,
          speaker: speaker.selected ? personDetails(speaker) : undefined,
        }
      : undefined,
    persons: persons.selected ? personDetails(persons) : undefined,
    venues: article.field("Article", "venues").selected,
  };
  return { children, body: article.field("Article", "body").selected, totalCount: connection.field("ArticleConnection", "totalCount").selected };
}
