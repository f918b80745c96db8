// Quoted sources counted by gender: for news-diversity dashboards.
import { Field, Float, Int, ObjectType } from "type-graphql";
import { DateTimeResolver } from "graphql-scalars";
import { Gender } from "./gender.js";

@ObjectType({ simpleResolvers: true, description: "Quoted persons of one gender and their quotes, in a set of articles." })
export class GenderQuoteCount {
  @Field(() => Gender, { description: "The speakers' gender (Person.gender)." })
  gender!: Gender;

  @Field(() => Int, { description: "Distinct persons of this gender quoted." })
  quotedPersons!: number;

  @Field(() => Int, { description: "Their quotes, direct and partial." })
  quotes!: number;

  @Field(() => Int, { description: "Of which DIRECT." })
  directQuotes!: number;

  @Field(() => Int, { description: "Of which PARTIAL." })
  partialQuotes!: number;
}

@ObjectType({ simpleResolvers: true, description: "Quoted sources by gender in one interval of publication time." })
export class QuoteGenderBucket {
  @Field(() => DateTimeResolver, { description: "Start of the interval (UTC)." })
  start!: Date;

  @Field(() => [GenderQuoteCount], { description: "One count per gender, always FEMALE, MALE, UNKNOWN in that order (zeros included)." })
  counts!: GenderQuoteCount[];

  @Field(() => Float, { nullable: true, description: "Women's share of the quoted persons whose gender is known; null when none is." })
  femaleShare!: number | null;
}

@ObjectType({ simpleResolvers: true, description: "Quoted sources by gender in one outlet's articles." })
export class SourceQuoteGender {
  @Field(() => String, { nullable: true, description: "The outlet (Article.source); null for articles whose source is unknown." })
  source!: string | null;

  @Field(() => [GenderQuoteCount], { description: "One count per gender, always FEMALE, MALE, UNKNOWN in that order (zeros included)." })
  counts!: GenderQuoteCount[];

  @Field(() => Float, { nullable: true, description: "Women's share of the quoted persons whose gender is known; null when none is." })
  femaleShare!: number | null;
}
