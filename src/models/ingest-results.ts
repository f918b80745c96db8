// What the write mutations answer.
import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Article } from "./Article.js";

export enum IngestStatus {
  NEW = "NEW",
  UPDATED = "UPDATED",
  UNCHANGED = "UNCHANGED",
  FAILED = "FAILED",
}
registerEnumType(IngestStatus, {
  name: "IngestStatus",
  description: "What an ingest did with an article.",
  valuesConfig: {
    NEW: { description: "Stored for the first time." },
    UPDATED: { description: "Already stored; re-extracted in place." },
    UNCHANGED: { description: "Already stored with the current extractor: nothing changed." },
    FAILED: { description: "Not stored; `error` says why." },
  },
});

@ObjectType({ simpleResolvers: true, description: "The outcome of ingesting one article." })
export class IngestResult {
  @Field(() => IngestStatus, { description: "What happened." })
  status!: IngestStatus;

  @Field(() => Article, { nullable: true, description: "The stored article; null when the ingest failed." })
  article!: Article | null;

  @Field(() => String, { nullable: true, description: "Why the ingest failed; null otherwise." })
  error!: string | null;

  @Field(() => [String], { description: 'What the reader assumed, e.g. "read as HTML (detected)".' })
  notes!: string[];

  @Field(() => Int, { description: "Position of the input in a batch, from 0." })
  index!: number;
}

@ObjectType({ simpleResolvers: true, description: "The outcome of deleting an article." })
export class DeleteArticleResult {
  @Field(() => ID, { description: "ID of the deleted article." })
  deletedId!: string;

  @Field(() => Int, { description: "Persons and venues removed with it because no other article named them." })
  orphansRemoved!: number;
}
