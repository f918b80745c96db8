import { ObjectType } from "type-graphql";
import { Comment } from "./Comment.js";
import { ConnectionType, EdgeType } from "./connection.js";

@ObjectType({ simpleResolvers: true, description: "A comment in a thread." })
export class CommentEdge extends EdgeType(Comment) {}

@ObjectType({ simpleResolvers: true, description: "A page of a comment thread." })
export class CommentConnection extends ConnectionType(Comment, CommentEdge) {}
