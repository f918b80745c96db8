// The gender evidence an article gives each of its persons, as the ArticlePerson columns the
// store writes; triggers add it to the Person (migration person_gender).
import { Prisma } from "../generated/prisma/client.js";
import { decideGender, type Gender } from "./coreference/gender.js";
import type { ExtractedPerson } from "./types.js";

export interface GenderColumns {
  gender: Gender;
  genderEvidence: string;
  femalePronouns: number;
  malePronouns: number;
  titleGender: Gender;
  firstNameGender: Gender;
}

export function genderColumns(p: ExtractedPerson): GenderColumns {
  const g = p.gender ?? decideGender(0, 0, null, "UNKNOWN");
  return { gender: g.gender, genderEvidence: g.evidence, femalePronouns: g.femalePronouns, malePronouns: g.malePronouns, titleGender: g.titleGender, firstNameGender: g.firstNameGender };
}

/** Two extracted names stored as one person: their evidence together. */
export function mergeGender(a: GenderColumns, b: GenderColumns): GenderColumns {
  const known = (x: Gender, y: Gender) => (x !== "UNKNOWN" ? x : y);
  const title = known(a.titleGender, b.titleGender);
  const firstName = known(a.firstNameGender, b.firstNameGender);
  const g = decideGender(a.femalePronouns + b.femalePronouns, a.malePronouns + b.malePronouns, title === "UNKNOWN" ? null : title, firstName);
  return { gender: g.gender, genderEvidence: g.evidence, femalePronouns: g.femalePronouns, malePronouns: g.malePronouns, titleGender: title, firstNameGender: firstName };
}

/** The columns in jsonb_to_recordset's record, in ArticlePerson, and the values read from `r`. */
export const GENDER_RECORD = Prisma.raw(`gender text, "genderEvidence" text, "femalePronouns" int, "malePronouns" int, "titleGender" text, "firstNameGender" text`);
export const GENDER_COLUMNS = Prisma.raw(`gender, "genderEvidence", "femalePronouns", "malePronouns", "titleGender", "firstNameGender"`);
export const GENDER_VALUES = Prisma.raw(`r.gender::"Gender", r."genderEvidence"::"GenderEvidence", r."femalePronouns", r."malePronouns", r."titleGender"::"Gender", r."firstNameGender"::"Gender"`);
