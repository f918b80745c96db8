// Where each person stands in the reader's attention at a point of the text: every mention
// (a name, or a pronoun or description already resolved) adds weight that halves with each
// sentence after it (after Lappin and Leass, 1994). Subjects weigh more than other mentions.
import type { ExtractedPerson } from "../types.js";

export interface Contribution {
  person: ExtractedPerson;
  start: number;
  end: number;
  sentence: number;
  subject: boolean;
  /** FEMALE or MALE for a resolved pronoun: evidence of the person's gender so far. */
  pronoun: "FEMALE" | "MALE" | null;
  /** Inside quoted words: the speaker's reference, weighed less from outside the quote. */
  quoted: boolean;
}

export const MENTION_WEIGHT = 100;
export const SUBJECT_WEIGHT = 80;

export interface Standing {
  person: ExtractedPerson;
  salience: number;
  /** The person's last mention before the point. */
  last: Contribution;
  female: number;
  male: number;
}

/** Each person mentioned before `at`, with their salience in sentence `sentence`. */
export function standings(contributions: Contribution[], at: number, sentence: number, quotedWeight = 1): Map<ExtractedPerson, Standing> {
  const result = new Map<ExtractedPerson, Standing>();
  for (const c of contributions) {
    if (c.start >= at) break;
    const weight = (MENTION_WEIGHT + (c.subject ? SUBJECT_WEIGHT : 0)) * 0.5 ** Math.max(0, sentence - c.sentence) * (c.quoted ? quotedWeight : 1);
    const s = result.get(c.person);
    if (s) {
      s.salience += weight;
      s.last = c;
      if (c.pronoun === "FEMALE") s.female++;
      if (c.pronoun === "MALE") s.male++;
    } else {
      result.set(c.person, { person: c.person, salience: weight, last: c, female: c.pronoun === "FEMALE" ? 1 : 0, male: c.pronoun === "MALE" ? 1 : 0 });
    }
  }
  return result;
}

/** Keeps contributions sorted by position as they are added (mostly in order already). */
export function insertSorted(contributions: Contribution[], c: Contribution): void {
  let k = contributions.length;
  while (k > 0 && contributions[k - 1]!.start > c.start) k--;
  contributions.splice(k, 0, c);
}
