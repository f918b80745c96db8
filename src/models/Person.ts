import { Field, ObjectType } from "type-graphql";
import { Gender, type GenderEvidenceKind, PersonGenderEvidence } from "./gender.js";
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

  @Field(() => Gender, { description: "The person's gender as the articles give it: pronouns that refer to them first, then titles, then their first name." })
  gender!: Gender;

  // The evidence's columns, as the row has them; served together as genderEvidence.
  genderBasis!: GenderEvidenceKind;
  femalePronouns!: number;
  malePronouns!: number;
  femaleTitleArticles!: number;
  maleTitleArticles!: number;
  femaleFirstNameArticles!: number;
  maleFirstNameArticles!: number;

  @Field(() => PersonGenderEvidence, { description: "What Person.gender rests on, with the counts over all the person's articles." })
  get genderEvidence(): PersonGenderEvidence {
    return Object.assign(new PersonGenderEvidence(), {
      kind: this.genderBasis, femalePronouns: this.femalePronouns, malePronouns: this.malePronouns,
      femaleTitleArticles: this.femaleTitleArticles, maleTitleArticles: this.maleTitleArticles,
      femaleFirstNameArticles: this.femaleFirstNameArticles, maleFirstNameArticles: this.maleFirstNameArticles,
    });
  }

  // Relations, resolved by PersonResolver.
  articles?: Article[];
  mentions?: PersonMention[];
  quotes?: Quote[];
}
