// Relay connection building blocks: PageInfo, and generic edge and connection classes that
// each listed type extends (ArticleConnection, PersonConnection …).
import { Field, Int, ObjectType, type ClassType } from "type-graphql";

@ObjectType({ simpleResolvers: true, description: "Where a page lies in its list (Relay cursor connections)." })
export class PageInfo {
  @Field(() => Boolean, { description: "Whether items follow this page." })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: "Whether items precede this page." })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the page's first item; null for an empty page." })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: "Cursor of the page's last item; null for an empty page." })
  endCursor!: string | null;
}

/** An edge to a node of type T, with the cursor that points at it. */
export function EdgeType<T extends object>(NodeClass: ClassType<T>) {
  // Named per node type so each generic base is unique; only its subclasses reach the schema.
  @ObjectType(`${NodeClass.name}EdgeBase`, { simpleResolvers: true })
  abstract class Edge {
    @Field(() => String, { description: "Opaque cursor of this item, for `after` and `before`." })
    cursor!: string;

    @Field(() => NodeClass, { description: "The item." })
    node!: T;
  }
  return Edge;
}

/** A page of a list of T: edges (with cursors), the nodes alone, page info and the total. */
export function ConnectionType<T extends object, E extends object>(NodeClass: ClassType<T>, EdgeClass: ClassType<E>) {
  @ObjectType(`${NodeClass.name}ConnectionBase`, { simpleResolvers: true })
  abstract class Connection {
    @Field(() => [EdgeClass], { description: "The page's items with their cursors." })
    edges!: E[];

    @Field(() => [NodeClass], { description: "The page's items, when cursors are not needed." })
    nodes!: T[];

    @Field(() => PageInfo, { description: "Cursors and whether more items lie before or after." })
    pageInfo!: PageInfo;

    /** Counts the whole list, or answers the count the page brought along (see toConnection). */
    countTotal!: () => number | Promise<number>;

    // A resolver, not a value: the list is counted only when a client asks for the total.
    @Field(() => Int, { description: "How many items the whole list holds, with the filters applied." })
    totalCount(): number | Promise<number> {
      return this.countTotal();
    }
  }
  return Connection;
}
