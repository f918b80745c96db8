import { Field, ObjectType } from "type-graphql";
import { Node } from "./Node.js";
import type { Article } from "./Article.js";
import type { PersonMention } from "./mentions.js";
import type { Quote } from "./Quote.js";

@ObjectType({ simpleResolvers: true, implements: Node, description: "A person mentioned in one or more articles." })
export class Person extends Node {
  dbId!: number;

  @Field(() => String, { description: 'Canonical name, e.g. "Georgy Toloraia".' })
  name!: string;

  @Field(() => [String], { description: 'Other names the person goes by in the articles, e.g. "Toloraia".' })
  aliases!: string[];

  @Field(() => [String], { description: 'Roles and descriptions the articles give the person, e.g. "Deputy Foreign Minister".' })
  roles!: string[];

  // Relations, resolved by PersonResolver.
  articles?: Article[];
  mentions?: PersonMention[];
  quotes?: Quote[];
}
