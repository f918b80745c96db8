import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({ simpleResolvers: true, description: "A range of a text, in UTF-16 code units (as JavaScript strings count)." })
export class TextRange {
  @Field(() => Int, { description: "Offset of the first character." })
  start!: number;

  @Field(() => Int, { description: "Offset just past the last character." })
  end!: number;
}

@ObjectType({
  simpleResolvers: true,
  description: "A search snippet as plain text with where its matches are: for a client that renders text itself instead of the snippet's HTML.",
})
export class Highlight {
  @Field(() => String, { description: "The snippet's text, as written: not HTML." })
  text!: string;

  @Field(() => [TextRange], { description: "The matches in `text`, in order, not overlapping." })
  matches!: TextRange[];
}
