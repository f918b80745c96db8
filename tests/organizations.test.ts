// Organisations as their own entity (src/ingest/organizations.ts and its helpers), on
// invented articles: names found by the tagger and by their own words, grouped with their
// acronyms and short forms, a kind only where the name says it, never among the persons,
// and speaking for themselves in quotes.
import { describe, expect, it } from "vitest";
import { extract } from "../src/ingest/extract.js";
import { acronymOf, groupIndices, initialsOf } from "../src/ingest/organization-groups.js";
import { kindOf } from "../src/ingest/organization-kinds.js";
import { readInput } from "../src/ingest/read.js";
import type { Extraction } from "../src/ingest/types.js";

const run = (...paragraphs: string[]): Extraction => extract(readInput("invented", paragraphs.join("\n\n"), { format: "text" })[0]!);
const org = (x: Extraction, name: string) => x.organizations.find((o) => o.name === name || o.aliases.includes(name));
const personForms = (x: Extraction) => x.persons.flatMap((p) => [p.name, ...p.aliases]);

describe("organisations found in an article", () => {
  const cases: { title: string; paragraphs: string[]; name: string; aliases?: string[]; kind: string | null }[] = [
    { title: "a company by its suffix", paragraphs: ["Grain prices climb", "Shares of Tallowmere Foods Inc fell on Monday after the harvest report."], name: "Tallowmere Foods Inc", kind: "COMPANY" },
    { title: "a party", paragraphs: ["Vote count delayed", "The Coastal Renewal Party won four seats in the regional vote, officials said."], name: "Coastal Renewal Party", kind: "PARTY" },
    { title: "a ministry, 'X of Y'", paragraphs: ["Water rules tightened", "The Ministry of Water and Forestry issued new rules on Tuesday."], name: "Ministry of Water and Forestry", kind: "GOVERNMENT" },
    { title: "a department named both ways", paragraphs: ["Inquiry widens", "The Department of Fisheries opened an inquiry. A Fisheries Department memo set out its scope."], name: "Department of Fisheries", aliases: ["Fisheries Department"], kind: "GOVERNMENT" },
    { title: "a university and its short form", paragraphs: ["Study published", "Researchers at Brackenfield University published the study. Brackenfield has run the survey since 1990."], name: "Brackenfield University", aliases: ["Brackenfield"], kind: "EDUCATION" },
    { title: "an acronym given in brackets", paragraphs: ["Talks resume", "The Northern Grain Exporters Association (NGEA) asked for talks. The NGEA wants lower fees."], name: "Northern Grain Exporters Association", aliases: ["NGEA"], kind: null },
    { title: "an acronym matching its initials", paragraphs: ["Summit ends", "Leaders of the Pacific Rim Trade Council met in March. The PRTC will meet again next year, the PRTC said in a statement."], name: "Pacific Rim Trade Council", aliases: ["PRTC"], kind: null },
    { title: "a known news outlet", paragraphs: ["Leak reported", "The figures were first reported by Reuters on Sunday."], name: "Reuters", kind: "NEWS_OUTLET" },
  ];
  for (const c of cases) {
    it(c.title, () => {
      const x = run(...c.paragraphs);
      const found = org(x, c.name);
      expect(found, JSON.stringify(x.organizations.map((o) => o.aliases))).toBeDefined();
      expect(found!.name).toBe(c.name);
      for (const alias of c.aliases ?? []) expect(found!.aliases).toContain(alias);
      expect(found!.kind).toBe(c.kind);
      // Organisations never appear among persons.
      for (const form of found!.aliases) expect(personForms(x)).not.toContain(form);
      expect(found!.mentions.length).toBeGreaterThanOrEqual(1);
    });
  }

  it("keeps an organisation the person rules would take out of the persons, and the persons beside it", () => {
    const x = run(
      "Depot closes",
      "Harbour Transit Corporation will close its depot, spokeswoman Lena Varga said. \"We looked at every option,\" Varga said.",
      "Harbour Transit Corporation has run the depot since 1988.",
    );
    expect(x.persons.map((p) => p.name)).toEqual(["Lena Varga"]);
    expect(org(x, "Harbour Transit Corporation")!.mentions).toHaveLength(2);
    for (const o of x.organizations) for (const form of o.aliases) expect(personForms(x)).not.toContain(form);
  });

  it("gives a name with words of two kinds no kind", () => {
    expect(kindOf(["Westbrook Party", "Westbrook Inc"])).toBeNull();
    expect(kindOf(["Westbrook Party"])).toBe("PARTY");
    expect(kindOf(["Westbrook"])).toBeNull();
  });
});

describe("grouping the forms of one organisation", () => {
  const cases: [string[], string[][]][] = [
    [["European Union", "EU", "E.U."], [["European Union", "EU", "E.U."]]],
    [["Justice Department", "Department of Justice"], [["Justice Department", "Department of Justice"]]],
    [["Hofstra University", "Hofstra"], [["Hofstra University", "Hofstra"]]],
    // "Senate" is a body of its own, not a short form of its committee.
    [["Senate Judiciary Committee", "Senate"], [["Senate Judiciary Committee"], ["Senate"]]],
    // Two full names starting alike: the first word alone names neither for sure.
    [["Kestrel Bank", "Kestrel University", "Kestrel"], [["Kestrel Bank"], ["Kestrel University"], ["Kestrel"]]],
    [["Federal Bureau of Investigation", "FBI", "Federal Reserve"], [["Federal Bureau of Investigation", "FBI"], ["Federal Reserve"]]],
  ];
  for (const [forms, groups] of cases) {
    it(forms.join(", "), () => {
      const got = groupIndices(forms).map((g) => g.map((i) => forms[i]!));
      expect(got.map((g) => g.sort()).sort()).toEqual(groups.map((g) => [...g].sort()).sort());
    });
  }

  it("reads acronyms and initials", () => {
    expect(acronymOf("U.N.")).toBe("UN");
    expect(acronymOf("Senate")).toBeNull();
    expect(initialsOf("Securities and Exchange Commission")).toBe("SEC");
    expect(initialsOf("Harvard")).toBeNull();
  });
});

describe("organisations as speakers", () => {
  const cases: { title: string; paragraphs: string[]; quote: string; organization: string | null; person: string | null }[] = [
    {
      title: "by its name",
      paragraphs: ["Recall announced", "Tallowmere Foods Inc recalled two products on Friday. \"We are acting out of caution,\" Tallowmere Foods Inc said in a statement."],
      quote: "We are acting out of caution", organization: "Tallowmere Foods Inc", person: null,
    },
    {
      title: "by its short form",
      paragraphs: ["Recall announced", "Tallowmere Foods Inc recalled two products on Friday. \"We are acting out of caution,\" Tallowmere said."],
      quote: "We are acting out of caution", organization: "Tallowmere Foods Inc", person: null,
    },
    {
      title: "by a description of its kind",
      paragraphs: ["Rates rise", "Westfjord Power Company raised its prices for the second time this year.", "\"Costs have doubled,\" the company said."],
      quote: "Costs have doubled", organization: "Westfjord Power Company", person: null,
    },
    {
      title: "a ministry described after a company was named",
      paragraphs: ["Permit refused", "The Ministry of Mines refused a permit to Greyrock Holdings on Monday.", "\"The application was incomplete,\" the ministry said."],
      quote: "The application was incomplete", organization: "Ministry of Mines", person: null,
    },
    {
      title: "a person speaking for an organisation stays the speaker",
      paragraphs: ["Rates rise", "Westfjord Power Company raised its prices again. \"Costs have doubled,\" said Lena Varga, a spokeswoman for the company."],
      quote: "Costs have doubled", organization: null, person: "Lena Varga",
    },
  ];
  for (const c of cases) {
    it(c.title, () => {
      const x = run(...c.paragraphs);
      const q = x.quotes.find((y) => y.text.includes(c.quote));
      expect(q, JSON.stringify(x.quotes)).toBeDefined();
      expect(q!.speakerOrganization ?? null).toBe(c.organization);
      expect(q!.speakerPerson).toBe(c.person);
    });
  }

  it("never gives a quote both a person and an organisation", () => {
    const x = run(
      "Talks fail",
      "The Coastal Renewal Party left the talks. \"We will not return,\" the party said. \"Nor will I,\" said Ana Ruiz.",
    );
    expect(x.quotes.length).toBeGreaterThan(0);
    for (const q of x.quotes) expect(!!q.speakerPerson && !!q.speakerOrganization).toBe(false);
  });
});
