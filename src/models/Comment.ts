import { Field, Int, ObjectType } from "type-graphql";
import { Node } from "./Node.js";
import type { Article } from "./Article.js";

@ObjectType({ simpleResolvers: true, implements: Node, description: "A reader comment below an article." })
export class Comment extends Node {
  dbId!: number;
  articleId!: number;

  @Field(() => String, { nullable: true, description: "The commenter's display name; null where the page shows only an avatar." })
  author!: string | null;

  @Field(() => String, { description: "The comment's text." })
  text!: string;

  @Field(() => Int, { description: "Order in the thread, from 0." })
  position!: number;

  // Relation, resolved by CommentResolver.
  article?: Article;
}
