// What kind of organisation a name is, from the plain evidence of its own words: the word it
// ends with ("… Party", "… Inc", "Ministry of …") or a news outlet the lexicon knows. No
// guess beyond that: an organisation without such a word has no kind.
import { OUTLET_SET } from "./lexicon.js";
import type { OrganizationKind } from "./types.js";

const set = (words: string) => new Set(words.trim().split(/\s+/));

/** Last words that make a capitalised run a company. */
const COMPANY_WORDS = set(`Inc Inc. Incorporated Corp Corp. Corporation Ltd Ltd. Limited LLC LLP PLC plc Plc Co Co. Company GmbH AG SA Holdings Airlines Airways Motors Technologies Industries Enterprises Bancorp`);
/** Words that make a run a government body, last or first ("Ministry of Defence"). */
const GOVERNMENT_WORDS = set(`Ministry Department Agency Bureau Parliament Congress Senate Police Army Navy Cabinet Court Administration Commission Authority Directorate Secretariat Legislature Assembly`);
const PARTY_WORDS = set(`Party`);
const NEWS_WORDS = set(`News Times Post Journal Herald Tribune Gazette Chronicle Telegraph Radio Television TV Magazine Newspaper Press Broadcasting`);
const EDUCATION_WORDS = set(`University College Academy School Polytechnic`);
const NGO_WORDS = set(`Foundation Charity Watch Trust`);
const TEAM_WORDS = set(`FC F.C. AFC`);
/** Other last words that mark an organisation without saying which kind. */
const OTHER_WORDS = set(`Institute Association Committee Council Union Federation League Society Organization Organisation Group Fund Bank Center Centre Coalition Alliance Network Service Services Board Office Caucus Club`);

const KIND_BY_WORD = new Map<string, OrganizationKind | null>();
for (const [words, kind] of [
  [COMPANY_WORDS, "COMPANY"], [GOVERNMENT_WORDS, "GOVERNMENT"], [PARTY_WORDS, "PARTY"], [NEWS_WORDS, "NEWS_OUTLET"],
  [EDUCATION_WORDS, "EDUCATION"], [NGO_WORDS, "NGO"], [TEAM_WORDS, "TEAM"], [OTHER_WORDS, null],
] as const) for (const w of words) KIND_BY_WORD.set(w, kind);

/** Whether `word` ends (or, with "of", heads) an organisation's name. */
export const isOrganizationWord = (word: string) => KIND_BY_WORD.has(word);

/** The kind an organisation's written forms show plainly, or null. */
export function kindOf(forms: string[]): OrganizationKind | null {
  const counted = new Map<OrganizationKind, number>();
  for (const form of forms) {
    const bare = form.replace(/^the\s+/i, "");
    if (OUTLET_SET.has(bare.toLowerCase()) || OUTLET_SET.has(form.toLowerCase())) return "NEWS_OUTLET";
    const words = bare.split(/\s+/);
    const last = words[words.length - 1]!;
    const ofHead = words.length > 2 && words[1] === "of" ? words[0]! : null;
    const kind = KIND_BY_WORD.get(ofHead ?? last) ?? (ofHead ? KIND_BY_WORD.get(last) : undefined);
    if (kind) counted.set(kind, (counted.get(kind) ?? 0) + 1);
  }
  // One kind only: forms that disagree are no plain evidence.
  return counted.size === 1 ? [...counted.keys()][0]! : null;
}
