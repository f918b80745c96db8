// After the quotes: a quote whose speaker words name no person may name an organisation,
// by one of its names ("Northwind said in a statement") or by a description of its kind
// ("the utility said", "the ministry added": the organisation of that kind named last
// before). A quote then has a person speaker or an organisation speaker, never both.
import { withoutArticle } from "./organization-groups.js";
import { normalizeName } from "./normalize.js";
import type { ExtractedOrganization, ExtractedQuote, OrganizationKind } from "./types.js";

/** Nouns that describe an organisation, and the kind they say it is (null: any kind). */
const DESCRIPTIONS: Record<string, OrganizationKind | null> = {
  company: "COMPANY", firm: "COMPANY", utility: "COMPANY", carrier: "COMPANY", airline: "COMPANY", retailer: "COMPANY",
  manufacturer: "COMPANY", automaker: "COMPANY", operator: "COMPANY", bank: "COMPANY", insurer: "COMPANY", corporation: "COMPANY",
  ministry: "GOVERNMENT", department: "GOVERNMENT", agency: "GOVERNMENT", regulator: "GOVERNMENT", bureau: "GOVERNMENT",
  commission: "GOVERNMENT", government: "GOVERNMENT", police: "GOVERNMENT", court: "GOVERNMENT",
  party: "PARTY",
  newspaper: "NEWS_OUTLET", paper: "NEWS_OUTLET", network: "NEWS_OUTLET", broadcaster: "NEWS_OUTLET", outlet: "NEWS_OUTLET",
  magazine: "NEWS_OUTLET", channel: "NEWS_OUTLET", publication: "NEWS_OUTLET",
  team: "TEAM", club: "TEAM",
  charity: "NGO", foundation: "NGO",
  university: "EDUCATION", college: "EDUCATION", school: "EDUCATION",
  organisation: null, organization: null, group: null, union: null, association: null, institute: null, council: null,
  committee: null, board: null,
};

/** "the utility", "the state-owned utility", "the company's": a description and its head noun. */
const DESCRIPTION = /^(?:the|its)\s+(?:[\p{Ll}-]+\s+)?(\p{Ll}+)$/u;

export function withOrganizationSpeakers(text: string, quotes: ExtractedQuote[], organizations: ExtractedOrganization[]): ExtractedQuote[] {
  const byForm = new Map<string, ExtractedOrganization | null>();
  for (const o of organizations) {
    for (const form of o.aliases) {
      const key = normalizeName(withoutArticle(form));
      byForm.set(key, byForm.has(key) && byForm.get(key) !== o ? null : o);
    }
  }
  for (const q of quotes) {
    q.speakerOrganization = null;
    if (q.speakerPerson || !q.speaker) continue;
    const words = q.speaker.trim().replace(/[’']s$/u, "");
    const named = byForm.get(normalizeName(withoutArticle(words)));
    if (named) {
      q.speakerOrganization = named.name;
      continue;
    }
    const head = DESCRIPTION.exec(words)?.[1];
    if (!head || !(head in DESCRIPTIONS)) continue;
    const described = lastOfKindBefore(organizations, DESCRIPTIONS[head]!, speakerPosition(text, q));
    if (described) q.speakerOrganization = described.name;
  }
  return quotes;
}

/** Where the speaker's words are: the occurrence nearest the quote, or the quote itself. */
function speakerPosition(text: string, q: ExtractedQuote): number {
  const from = Math.max(0, q.start - 400);
  const window = text.slice(from, Math.min(text.length, q.end + 200));
  let best = q.start;
  for (let at = window.indexOf(q.speaker!); at >= 0; at = window.indexOf(q.speaker!, at + 1)) {
    const pos = from + at;
    if (Math.abs(pos - q.start) < Math.abs(best - q.start) || best === q.start) best = pos;
  }
  return best;
}

/**
 * The organisation named last before `at` whose kind fits the description: the same kind,
 * or no known kind when none of that kind was named.
 */
function lastOfKindBefore(organizations: ExtractedOrganization[], kind: OrganizationKind | null, at: number): ExtractedOrganization | null {
  const latest = (fits: (o: ExtractedOrganization) => boolean) => {
    let best: { o: ExtractedOrganization; at: number } | null = null;
    for (const o of organizations) {
      if (!fits(o)) continue;
      const m = o.mentions.filter((x) => x.end <= at && (x.section === "body" || x.section === "title")).pop();
      if (m && (!best || m.start > best.at)) best = { o, at: m.start };
    }
    return best?.o ?? null;
  };
  if (kind === null) return latest(() => true);
  return latest((o) => o.kind === kind) ?? latest((o) => o.kind === null);
}
