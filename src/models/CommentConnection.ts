import { ObjectType } from "type-graphql";
import { Comment } from "./Comment.js";
import { ConnectionType, EdgeType } from "./connection.js";

@ObjectType({ description: "A comment in a thread." })
export class CommentEdge extends EdgeType(Comment) {}

@ObjectType({ description: "A page of a comment thread." })
export class CommentConnection extends ConnectionType(Comment, CommentEdge) {}
