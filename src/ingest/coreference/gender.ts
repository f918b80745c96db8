// Gender as the text and names give it: pronouns, gendered titles and nouns (grammar, not
// names), and a first-name lexicon from a maintained package (gender-detection-from-name,
// MIT: U.S., Italian, Spanish, French, German and Turkish given names).
import { createRequire } from "node:module";

export type Gender = "FEMALE" | "MALE" | "UNKNOWN";
export type GenderEvidence = "PRONOUNS" | "TITLE" | "FIRST_NAME" | "NONE";

/** What one article says about a person's gender. */
export interface PersonGender {
  gender: Gender;
  evidence: GenderEvidence;
  /** Pronouns resolved to the person: she/her/hers/herself and he/him/his/himself. */
  femalePronouns: number;
  malePronouns: number;
  /** What a gendered title before the name ("Mrs.", "congressman") and the first name say. */
  titleGender: Gender;
  firstNameGender: Gender;
}

const FEMALE_PRONOUNS = new Set(["she", "her", "hers", "herself"]);
const MALE_PRONOUNS = new Set(["he", "him", "his", "himself"]);

/** The gender a third-person singular pronoun carries, or null for any other word. */
export function pronounGender(word: string): Gender | null {
  const w = word.toLowerCase();
  return FEMALE_PRONOUNS.has(w) ? "FEMALE" : MALE_PRONOUNS.has(w) ? "MALE" : null;
}

// Titles and nouns whose grammar gives a gender: "Mrs. Ruiz", "the congresswoman".
const FEMALE_WORDS = new Set(
  "mrs mrs. ms ms. miss madam madame dame lady queen princess duchess countess baroness sister mother wife daughter widow woman girl grandmother aunt niece congresswoman chairwoman spokeswoman businesswoman councilwoman sportswoman actress hostess waitress stewardess heiress empress".split(" "),
);
const MALE_WORDS = new Set(
  "mr mr. sir lord king prince duke count baron brother father husband son widower man boy grandfather uncle nephew congressman chairman spokesman businessman councilman sportsman actor host waiter steward heir emperor".split(" "),
);

/** The gender a title or noun gives ("Mrs.", "woman", "congressman"), or null. */
export function wordGender(word: string): Gender | null {
  const w = word.toLowerCase();
  return FEMALE_WORDS.has(w) ? "FEMALE" : MALE_WORDS.has(w) ? "MALE" : null;
}

type Lookup = (name: string, lang?: "en") => "male" | "female" | "unknown";
let lookup: Lookup | null = null;
const firstNameCache = new Map<string, Gender>();

/**
 * The gender the lexicon gives a first name, or UNKNOWN. The package's tables (2 MB of
 * JavaScript) load on the first call, not at start-up. Initials and hyphenated parts
 * ("J.", "Jean-Luc") are read as written, the first part of a hyphenated name after that.
 */
export function firstNameGender(name: string): Gender {
  if (!/^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u.test(name)) return "UNKNOWN";
  let gender = firstNameCache.get(name);
  if (gender) return gender;
  lookup ??= (createRequire(import.meta.url)("gender-detection-from-name") as { getGender: Lookup }).getGender;
  const read = (n: string) => lookup!(n, "en");
  let found = read(name);
  if (found === "unknown" && name.includes("-")) found = read(name.split("-")[0]!);
  gender = found === "female" ? "FEMALE" : found === "male" ? "MALE" : "UNKNOWN";
  firstNameCache.set(name, gender);
  return gender;
}

/**
 * A person's gender from what an article says: the pronouns that refer to them when they
 * lean clearly one way (two to one or more), else a gendered title before their name, else
 * their first name in the lexicon.
 */
export function decideGender(female: number, male: number, title: Gender | null, firstName: Gender): PersonGender {
  const counts = { femalePronouns: female, malePronouns: male, titleGender: title ?? "UNKNOWN", firstNameGender: firstName };
  if (female + male > 0 && (female >= 2 * male || male >= 2 * female) && female !== male) {
    return { gender: female > male ? "FEMALE" : "MALE", evidence: "PRONOUNS", ...counts };
  }
  if (title) return { gender: title, evidence: "TITLE", ...counts };
  if (firstName !== "UNKNOWN") return { gender: firstName, evidence: "FIRST_NAME", ...counts };
  return { gender: "UNKNOWN", evidence: "NONE", ...counts };
}
