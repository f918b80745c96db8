import { Ctx, FieldResolver, Resolver, Root, type ResolverInterface } from "type-graphql";
import { Article } from "../models/Article.js";
import { Comment } from "../models/Comment.js";
import type { Context } from "./context.js";
import { required } from "./present.js";

@Resolver(() => Comment)
export class CommentResolver implements ResolverInterface<Comment> {
  @FieldResolver(() => Article, { description: "The article the comment was left under." })
  async article(@Root() comment: Comment, @Ctx() { loaders }: Context): Promise<Article> {
    return required(await loaders.article.load(comment.articleId), `article ${comment.articleId} of comment ${comment.dbId}`);
  }
}
