// The filter and order of Query.organizations.
import { Field, InputType, registerEnumType } from "type-graphql";
import { OrganizationKind } from "../../models/Organization.js";
import { OrderDirection } from "./order.js";

@InputType({ description: "Narrows a list of organisations; every field given must hold." })
export class OrganizationFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name or of an alias, case-insensitive, e.g. "union".' })
  name?: string | null;

  @Field(() => OrganizationKind, { nullable: true, description: "Only organisations of this kind." })
  kind?: OrganizationKind | null;

  @Field(() => Boolean, { nullable: true, description: "true: only organisations quoted as a speaker; false: only those never quoted." })
  hasQuotes?: boolean | null;
}

export enum OrganizationOrderField {
  NAME = "NAME",
  ARTICLE_COUNT = "ARTICLE_COUNT",
}
registerEnumType(OrganizationOrderField, {
  name: "OrganizationOrderField",
  description: "What to sort organisations by.",
  valuesConfig: {
    NAME: { description: "Canonical name, case-insensitively." },
    ARTICLE_COUNT: { description: "How many articles name the organisation." },
  },
});

@InputType({ description: "How to sort organisations." })
export class OrganizationOrder {
  @Field(() => OrganizationOrderField, { description: "What to sort by." })
  field!: OrganizationOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: "Which way; A to Z by default (use DESC for the most named first)." })
  direction: OrderDirection = OrderDirection.ASC;
}
