// Sort inputs for the connections. Ties are always broken by a unique key, so pages never overlap.
import { Field, InputType } from "type-graphql";
import { ArticleOrderField, OrderDirection, PersonOrderField, QuoteOrderField, VenueOrderField } from "./order.js";

@InputType({ description: "How to sort articles." })
export class ArticleOrder {
  @Field(() => ArticleOrderField, { description: "What to sort by." })
  field!: ArticleOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.DESC, description: "Which way; newest, most relevant or Z first by default." })
  direction: OrderDirection = OrderDirection.DESC;
}

@InputType({ description: "How to sort quotes." })
export class QuoteOrder {
  @Field(() => QuoteOrderField, { description: "What to sort by." })
  field!: QuoteOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.DESC, description: "Which way; newest or most relevant first by default." })
  direction: OrderDirection = OrderDirection.DESC;
}

@InputType({ description: "How to sort persons." })
export class PersonOrder {
  @Field(() => PersonOrderField, { description: "What to sort by." })
  field!: PersonOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: "Which way; A to Z by default (use DESC for the most mentioned first)." })
  direction: OrderDirection = OrderDirection.ASC;
}

@InputType({ description: "How to sort venues." })
export class VenueOrder {
  @Field(() => VenueOrderField, { description: "What to sort by." })
  field!: VenueOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: "Which way; A to Z by default (use DESC for the most named first)." })
  direction: OrderDirection = OrderDirection.ASC;
}
