// A person's gender as the articles give it, and the evidence behind it.
import { Field, Int, ObjectType, registerEnumType } from "type-graphql";

/** The values match the database enum "Gender", so rows need no mapping. */
export enum Gender {
  FEMALE = "FEMALE",
  MALE = "MALE",
  UNKNOWN = "UNKNOWN",
}
registerEnumType(Gender, {
  name: "Gender",
  description: "A person's gender as the articles give it (see Person.genderEvidence).",
  valuesConfig: {
    FEMALE: { description: "Referred to as she/her, or titled or named as a woman." },
    MALE: { description: "Referred to as he/him, or titled or named as a man." },
    UNKNOWN: { description: "No pronoun, title or known first name says." },
  },
});

/** The values match the database enum "GenderEvidence". */
export enum GenderEvidenceKind {
  PRONOUNS = "PRONOUNS",
  TITLE = "TITLE",
  FIRST_NAME = "FIRST_NAME",
  NONE = "NONE",
}
registerEnumType(GenderEvidenceKind, {
  name: "GenderEvidence",
  description: "Where a person's gender comes from, strongest first.",
  valuesConfig: {
    PRONOUNS: { description: "Pronouns the articles use for the person, two to one or more one way." },
    TITLE: { description: "A gendered title before the name (Mrs., Mr., Ms.) or role word (congresswoman)." },
    FIRST_NAME: { description: "The first name, in a first-name lexicon (the npm package gender-detection-from-name)." },
    NONE: { description: "Nothing: the gender is UNKNOWN." },
  },
});

@ObjectType({ simpleResolvers: true, description: "What the articles say of a person's gender, summed over every article that mentions them." })
export class PersonGenderEvidence {
  @Field(() => GenderEvidenceKind, { description: "The evidence Person.gender rests on." })
  kind!: GenderEvidenceKind;

  @Field(() => Int, { description: "she, her, hers, herself resolved to the person (outside quoted words)." })
  femalePronouns!: number;

  @Field(() => Int, { description: "he, him, his, himself resolved to the person (outside quoted words)." })
  malePronouns!: number;

  @Field(() => Int, { description: "Articles giving the person a female title (Mrs., Ms., congresswoman)." })
  femaleTitleArticles!: number;

  @Field(() => Int, { description: "Articles giving the person a male title (Mr., congressman)." })
  maleTitleArticles!: number;

  @Field(() => Int, { description: "Articles naming the person with a first name the lexicon gives as female." })
  femaleFirstNameArticles!: number;

  @Field(() => Int, { description: "Articles naming the person with a first name the lexicon gives as male." })
  maleFirstNameArticles!: number;
}
