// Realistic synthetic news articles for benchmarks and reliability tests, in the shapes the
// scrapers deliver: scraped text (dateline, photo credit, boilerplate, related headlines,
// tags, a comments section) and HTML pages. Deterministic for a given seed.

const GIVEN = ["Anna", "Pavel", "Maria", "Tomas", "Elena", "Lukas", "Sofia", "Jonas", "Irina", "Marco", "Leila", "Omar", "Ingrid", "Kenji", "Aisha", "Viktor", "Clara", "Mateo", "Nadia", "Henrik"];
const FAMILY = ["Novak", "Ivanova", "Berg", "Costa", "Haddad", "Lindqvist", "Moreau", "Sato", "Kowalski", "Petrov", "Rossi", "Okafor", "Brandt", "Silva", "Yilmaz", "Dubois", "Nakamura", "Horvat", "Jensen", "Ferreira"];
const ROLES = ["the foreign minister", "a senior analyst at the Institute for Regional Studies", "the mayor", "a spokeswoman for the ministry", "the chief economist of the central bank", "an adviser to the prime minister", "the head of the port authority", "a professor of political science"];
const PLACES = ["Berlin", "Paris", "Tokyo", "Moscow", "Madrid", "Lisbon", "Warsaw", "Vienna", "Cairo", "Nairobi", "Seoul", "Beijing", "Brussels", "Geneva", "Istanbul", "Stockholm", "Helsinki", "Athens", "Rome", "Prague"];
const COUNTRIES = ["Germany", "France", "Japan", "Russia", "Spain", "Portugal", "Poland", "Austria", "Egypt", "Kenya", "South Korea", "China", "Belgium", "Switzerland", "Turkey", "Sweden", "Finland", "Greece", "Italy", "Czech Republic"];
const TOPICS = ["trade talks", "energy prices", "a new rail link", "water shortages", "the budget", "fishing quotas", "a cyberattack", "grain exports", "the election", "housing costs"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const SAYINGS = [
  "We cannot wait another year for a decision that should have been made long ago",
  "The numbers speak for themselves, and they are not good",
  "Nobody at the table wants this to fail, but nobody wants to pay for it either",
  "This is a first step, not the last one",
  "If the talks collapse, ordinary people will feel it first",
  "We have made our position very clear from the start",
];

/** A small seeded generator (mulberry32), so the same seed gives the same corpus. */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!, int: (n: number) => Math.floor(next() * n) };
}

export interface SyntheticArticle {
  name: string;
  format: "text" | "html";
  content: string;
}

/** The `index`-th article of a corpus: about 4-6 KB, 3 persons, 3-5 quotes, 4+ places, 0-4 comments. */
export function syntheticArticle(index: number, seed = 1): SyntheticArticle {
  const r = random(seed * 1_000_003 + index);
  const persons = Array.from({ length: 3 }, () => ({ first: r.pick(GIVEN), last: r.pick(FAMILY), role: r.pick(ROLES) }));
  const [city, country, city2, country2] = [r.pick(PLACES), r.pick(COUNTRIES), r.pick(PLACES), r.pick(COUNTRIES)];
  const topic = r.pick(TOPICS);
  const title = `${country} and ${country2} Resume ${topic.replace(/^(a|the) /, "").replace(/\b\w/g, (c) => c.toUpperCase())} in ${city} (No. ${index})`;
  const day = 1 + r.int(28);
  const month = r.pick(MONTHS);
  const year = 2015 + r.int(10);
  const paragraphs: string[] = [
    `Officials from ${country} and ${country2} met in ${city} on Tuesday to discuss ${topic}, the first such meeting in ${2 + r.int(8)} years, according to diplomats familiar with the talks.`,
    `${persons[0]!.first} ${persons[0]!.last}, ${persons[0]!.role}, opened the session with a warning about the cost of further delay.`,
    `“${r.pick(SAYINGS)}. ${r.pick(SAYINGS)},” ${persons[0]!.last} told reporters after the meeting.`,
    `The delegation from ${city2} arrived late after flights were delayed by a storm over ${country2}.`,
    `${persons[1]!.first} ${persons[1]!.last}, ${persons[1]!.role}, was more cautious. “${r.pick(SAYINGS)},” ${persons[1]!.last} said.`,
    `He added that any agreement would need the approval of parliament in ${country}.`,
    `“${r.pick(SAYINGS)}. ${r.pick(SAYINGS)}.”`,
    `According to ${persons[2]!.first} ${persons[2]!.last}, ${persons[2]!.role}, the outcome will depend on ${topic} in the coming months. “${r.pick(SAYINGS)},” ${persons[2]!.last} said in an interview.`,
    `Analysts in ${city} said the talks would resume next month in ${city2}. ${"Markets reacted calmly to the news, and trading volumes stayed close to their monthly average. ".repeat(3 + r.int(4))}`,
    `The dispute over ${topic} began ${2 + r.int(10)} years ago, when ${country2} introduced new rules without consulting its neighbours. ${"Since then, several rounds of talks have ended without agreement, and both sides have accused each other of bad faith. ".repeat(2 + r.int(3))}`,
    `Business groups in ${country} have urged a quick deal. ${"Exporters say the uncertainty has already cost them orders, while unions worry about jobs in the border regions. ".repeat(2 + r.int(3))}`,
  ];
  const comments = Array.from({ length: r.int(5) }, () => ({ author: r.next() < 0.2 ? null : `${r.pick(GIVEN)}${r.int(100)}`, text: `${r.pick(SAYINGS)}. I doubt ${r.pick(persons).last} will deliver.` }));
  const tags = [topic, country, country2];
  const related = `${r.pick(COUNTRIES)} Says ${r.pick(TOPICS).replace(/^(a|the) /, "")} Talks Are Stalled`;

  if (r.next() < 0.25) return { name: `article-${index}.html`, format: "html", content: htmlPage(title, `${year}-${String(MONTHS.indexOf(month) + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}T10:00:00Z`, paragraphs, comments) };

  const dateline = `${String(r.int(24)).padStart(2, "0")}:${String(r.int(60)).padStart(2, "0")} GMT +3${String(day).padStart(2, "0")} ${month} ${year}`;
  const lines = [
    dateline,
    `    Delegates arrive for talks in ${city}, ${country}`,
    "",
    `    ${title}`,
    "",
    `    © Photo/ ${r.pick(GIVEN)} ${r.pick(FAMILY)}`,
    "    Get short URL",
    "",
    ...paragraphs.flatMap((p) => [`    ${p}`, ""]),
    "",
    `    ${related}`,
    `    ${tags.join(", ")}`,
    "    Comment via FacebookComment via Sputnik",
    "",
    ...(comments.length ? ["    All comments", "", ...comments.flatMap((c) => [`    • ${c.author ?? "avatar"}`, `      ${c.text}`])] : []),
  ];
  return { name: `article-${index}.txt`, format: "text", content: `${lines.join("\n")}\n` };
}

function htmlPage(title: string, publishedAt: string, paragraphs: string[], comments: { author: string | null; text: string }[]): string {
  const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  return `<!doctype html><html><head><title>${escapeHtml(title)}</title>
<meta property="og:title" content="${escapeHtml(title)}"><meta property="og:site_name" content="Synthetic Wire">
<meta property="article:published_time" content="${publishedAt}"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>${escapeHtml(title)}</h1>${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}</article>
<section class="comments">${comments.map((c) => `<div class="comment"><span class="comment-author">${c.author ?? "avatar"}</span><p class="comment-text">${escapeHtml(c.text)}</p></div>`).join("")}</section>
<footer>© Synthetic Wire</footer></body></html>`;
}
