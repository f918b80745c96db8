// Stage 3c, quotes: quotation spans (curly or straight marks, across paragraphs, split by
// their attribution), told apart from titles and scare quotes, each with its speaker.
import {
  NAMING_CUES, OUTLET_SET, PRONOUNS, ROLE_NOUNS, MONTHS_AND_DAYS, SENTENCE_STARTERS, SPEECH_PARTICIPLES, SPEECH_VERBS, TITLE_WORDS,
} from "./lexicon.js";
import { coreferenceFor } from "./coreference/index.js";
import { quoteKind } from "./quote-kind.js";
import type { ExtractedPerson, ExtractedQuote, Span } from "./types.js";

interface QuoteSpan extends Span {
  /** Index of the paragraph the quote (or this paragraph of it) is in. */
  paragraph: number;
  /** The closing mark was missing: the quote runs to the end of its paragraph. */
  unclosed: boolean;
  /** A paragraph of a multi-paragraph quote after the first: it goes on the quote before it. */
  continues: boolean;
  /** Another paragraph of the same quote follows. */
  continued: boolean;
}

const OPEN = new Set(["“", '"', "«", "„"]);
/**
 * The marks that close a quote opened with a given mark. Scraped text mixes curly and
 * straight marks within one quote (“no evidence" …), so either double mark closes either.
 */
const CLOSES: Record<string, string> = { "“": "”\"", '"': '"”', "«": "»", "„": "“”", "”": "”\"" };

/** A speaker's label at the start of a transcript line: "WALLACE: ", "SEN. KAINE: ". */
const TRANSCRIPT_LABEL = /^[\p{Lu}][\p{Lu} .'’-]{1,30}:\s/u;

/** The end of a paragraph's text, without trailing blanks. */
function trimmedEnd(text: string, p: Span): number {
  let end = p.end;
  while (end > p.start && /\s/.test(text[end - 1]!)) end--;
  return end;
}

/**
 * Quotation spans (inside the marks). A quote left open at a paragraph's end continues when
 * the next paragraph opens with a mark (the news convention for multi-paragraph quotes):
 * each paragraph is a span of its own, linked to the next, as annotators count them.
 */
export function findQuoteSpans(text: string, paragraphs: Span[]): QuoteSpan[] {
  // A mark that opens no quote: a straight mark inside a word (an inch sign, 5'11"), or a
  // transcript line in marks ("WALLACE: Let's start …"), whose own quotes are the quotes.
  // A closing mark at a paragraph's start can close nothing: it is a mistyped opening mark
  // ("”Fear. I am truly afraid …”", "” … what I learned …").
  const opensParagraph = (i: number) => text[i] === "”" && (i === 0 || text[i - 1] === "\n") && /^\s?[\p{L}\d…]/u.test(text.slice(i + 1, i + 3));
  const opensQuote = (i: number) =>
    (OPEN.has(text[i]!) || opensParagraph(i)) &&
    !(text[i] === '"' && /\p{L}/u.test(text[i - 1] ?? "") && !/\s/.test(text[i + 1] ?? " ")) &&
    !TRANSCRIPT_LABEL.test(text.slice(i + 1, i + 40));
  const spans: QuoteSpan[] = [];
  let open: QuoteSpan | null = null;
  let closes = "";
  paragraphs.forEach((p, pi) => {
    let i = p.start;
    if (open) {
      // The quote open at the previous paragraph's end: continued here, or left unclosed.
      const previous: QuoteSpan = open;
      open = null;
      previous.end = trimmedEnd(text, paragraphs[pi - 1]!);
      if (opensQuote(p.start)) {
        previous.continued = true;
        open = { start: p.start + 1, end: p.end, paragraph: pi, unclosed: false, continues: true, continued: false };
        i = p.start + 1;
      } else previous.unclosed = true;
      spans.push(previous);
    }
    for (; i < p.end; i++) {
      const ch = text[i]!;
      if (open) {
        if (closes.includes(ch)) {
          open.end = i;
          spans.push(open);
          open = null;
        }
      } else if ((OPEN.has(ch) || ch === "”") && opensQuote(i)) {
        open = { start: i + 1, end: p.end, paragraph: pi, unclosed: false, continues: false, continued: false };
        closes = CLOSES[ch]!;
      }
    }
  });
  if (open) {
    const last: QuoteSpan = open;
    last.unclosed = true;
    last.end = trimmedEnd(text, paragraphs[paragraphs.length - 1]!);
    spans.push(last);
  }
  return spans.sort((a, b) => a.start - b.start);
}

export interface Attribution {
  speaker: string;
  cue: string;
  /** Where the speaker's words are in the text. */
  at: Span;
  kind: "name" | "pronoun" | "descriptor" | "outlet";
}

const NAME = String.raw`(?:[\p{Lu}][\p{L}'’.-]*(?:\s+(?:[\p{Lu}][\p{L}'’.-]*|de|van|von|al|bin)){0,4})`;
// "Scott's family", but not "He's claiming": a pronoun's contraction is no possessive.
const DESCRIPTOR = String.raw`(?:[Tt]he|[Aa]n?|[Aa]nother|[Hh]is|[Hh]er|[Mm]y|[Oo]ur|[Tt]heir|[Oo]ne|(?!(?:He|She|It|That|There|Here|What|Who|Where|Let)['’]s\b)[\p{Lu}][\p{L}-]+['’]s)\s+(?:(?!(?:a|an|the)\s)[\p{L}’'-]+\s+){0,3}?[\p{Ll}-]+`;
/** A share of a group, as polls report it: "63 percent", "Only 52 percent of registered voters". */
const SHARE = String.raw`(?:(?:Only|only|Just|just|About|about|Nearly|nearly|Almost|almost)\s+)?\d+(?:\.\d+)?\s+percent(?:\s+of\s+(?:[\p{Ll}-]+\s+){0,2}?[\p{Ll}-]+s)?`;
// Descriptors first: "Obama's former campaign strategist said" is no name "Obama's" and a verb "former".
const SPEAKER = String.raw`(${DESCRIPTOR}|${NAME}|[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e)`;
const ADVERB = String.raw`(?:(?:also|further|later|then|once|previously|recently|separately|simply|earlier|again|often|still|now|never|always|\p{Ll}+ly)\s+)?`;
const VERB = String.raw`(\p{Ll}+)`;
/**
 * A speech verb, as the pattern's own alternative: with any word for the verb, "Obama's
 * former campaign strategist said" would match as the name "Obama's" and the verb "former",
 * and the right reading would never be tried.
 */
const SPEECH_VERB = String.raw`(${[...SPEECH_VERBS].sort((a, b) => b.length - a.length).join("|")})(?![\p{L}])`;
const OBJECT = String.raw`(?:\s+(?:${NAME}|reporters|journalists|the audience|the crowd|the newspaper|us|me|him|her|them))?`;

// Initials may stand in an apposition ("Another critic, Laurence H. Tribe, said"), a sentence's end not.
const APPOSITION = String.raw`(?:(?:,(?:[^,.“”"]|(?<=\s\p{Lu})\.){1,150}){1,3},)?`;
/** A party and state label after a name: "(R-Ohio)", ", R-Wis.,". */
const PARTY_LABEL = String.raw`(?:\s*\([^()]{1,30}\)|,\s*[DRI]-[\p{L}.]{2,12},?(?=\s))?`;
const AFTER_SPEAKER_VERB = new RegExp(String.raw`^[\s,—–-]*${SPEAKER}${PARTY_LABEL}${APPOSITION}\s+(?:has\s+|had\s+)?${ADVERB}${SPEECH_VERB}${OBJECT}`, "u");
/**
 * "…,” White House press secretary Josh Earnest said" and "…,” Rep. Gwen Moore (D-Wis.) said";
 * not a clause of its own ("…,” when Clinton blasted him").
 */
const AFTER_ROLE_NAME_VERB = new RegExp(
  String.raw`^[\s,—–-]*(?!(?:when|as|after|before|because|while|since|if|until|unless|and|but|or|so|that|which|who|where)\s)((?:[\p{L}.'’-]+\s+){1,5}?)?(${NAME})(?:\s*\([^()]{1,30}\))?\s+${ADVERB}${SPEECH_VERB}`, "u");
const AFTER_IT_VERB = new RegExp(String.raw`^[\s,]*(it)\s+${ADVERB}${VERB}(?=[\s.,;]|$)`, "u");
/** A quote signed with a dash, as in readers' voices: "“…” ― Steve Quinlan." */
const SIGNATURE = new RegExp(String.raw`^\s*[―—–]\s*(${NAME})\s*(?:[.,]|\n|$)`, "u");
/** An attribution closing the quote's sentence after more words: "“…” for criminal behavior, she said." */
const LATER_IN_SENTENCE = new RegExp(String.raw`^[^.!?“”"\n]{1,120}?,\s+${SPEAKER}\s+${ADVERB}${VERB}(?=[\s.,;]|$)`, "u");
/** "said 9/11 widow Terry Strada", "said former senator Ann Bell": role words before the name. */
const AFTER_VERB_ROLE_NAME = new RegExp(String.raw`^[\s,—–-]*${VERB}\s+(?:(?:former|then|longtime|veteran|[\d/]+)\s+)?(\p{Ll}+)\s+(${NAME})`, "u");
// "said the Rev. Peter Wherry": an article before a title and name.
const AFTER_VERB_SPEAKER = new RegExp(String.raw`^[\s,—–-]*${VERB}\s+(?:the\s+(?=\p{Lu}))?(${NAME}|${DESCRIPTOR})`, "u");
const BEFORE_SPEAKER_VERB = new RegExp(String.raw`${SPEAKER}${APPOSITION}\s+${ADVERB}${SPEECH_VERB}${OBJECT}(?:\s+that)?[\s,:]*$`, "u");
const VERB_SPEAKER_BEFORE = new RegExp(String.raw`(?:^|[,;]\s+)([Ss]aid|[Aa]dded|[Ww]rote|[Aa]sked|[Cc]ontinued|[Ee]xplained|[Rr]eplied|[Rr]ecalled|[Dd]eclared|[Nn]oted|[Tt]weeted|[Rr]esponded)\s+(${NAME}|${DESCRIPTOR})(?:,[^,“”":]{1,150})?\s*[:,]\s*$`, "u");
/** "as The New Yorker put it in an exposé, “…”" and "…,” as a Homeland Security memo put it." */
const AS_PUT_IT_BEFORE = new RegExp(String.raw`\bas\s+(${DESCRIPTOR}|${NAME}|[Hh]e|[Ss]he|[Tt]hey|it)\s+(?:once\s+)?put it\b[^.!?“”"]{0,60}$`, "u");
const AS_PUT_IT_AFTER = new RegExp(String.raw`^[\s,]*as\s+(${DESCRIPTOR}|${NAME}|[Hh]e|[Ss]he|[Tt]hey|it)\s+(?:once\s+)?put it\b`, "u");
const ACCORDING_TO = new RegExp(String.raw`[Aa]ccording to (?:(?:[\p{Ll}-]+\s+){0,4}(?=\p{Lu}))?${SPEAKER}[^“”"]*$`, "u");
/** "…,” according to show insiders." or "…” at a conference, according to Union President Ann Bell." */
const AFTER_ACCORDING_TO = new RegExp(String.raw`^[^.!?“”"\n]{0,80}?\baccording to ((?:[\p{Ll}-]+\s+){0,4}?${NAME}|(?:the\s+)?[\p{Ll}-]+(?:\s+[\p{Ll}-]+){0,2}(?=[.,;]))`, "u");

/** Descriptor heads that name no person: their words get the descriptor as speaker text and no Person. */
const NON_PERSON_HEADS = new Set([
  "source", "sources", "official", "officials", "statement", "report", "campaign", "group", "agency", "newspaper", "commission",
  "committee", "ad", "clip", "spot", "video", "letter", "book", "piece", "article", "memo", "website", "lawsuit", "complaint", "court",
  "department", "union", "party", "council", "board", "company", "administration", "ministry", "government", "police",
  // Documents say things too: "Ivana Trump's brief said", "a study found".
  "brief", "filing", "ruling", "study", "survey", "poll", "analysis", "review", "document", "resolution", "bill", "policy", "family",
  // Shares of those polled: "63 percent said", "52 percent of registered voters".
  "percent", "voters", "respondents", "americans",
]);

/** Heads of descriptors that speak in news text besides role nouns: "the letter says", "the ad’s narrator asks". */
const DESCRIPTOR_HEADS = new Set([
  ...NON_PERSON_HEADS,
  "person", "man", "woman", "narrator", "announcer", "questioner", "nominee", "candidate", "governor", "businessman", "businesswoman",
  // People close to someone: "my father often said", "a friend commented".
  "father", "mother", "wife", "husband", "son", "daughter", "brother", "sister", "friend", "neighbor", "neighbour", "colleague",
  "niece", "nephew", "uncle", "aunt", "grandmother", "grandfather", "widow", "resident", "voter", "supporter", "critic", "protester",
]);

/** Role nouns as a pattern alternative (the one-word, lowercase ones). */
const ROLE_NOUN = `(?:${[...ROLE_NOUNS].filter((w) => /^[a-z-]+$/.test(w)).join("|")})`;

function kindOf(speaker: string): Attribution["kind"] {
  // "“…,” it added", "as it put it", "Meanwhile, it attacked …, saying": a paper, a body or a
  // document named before, no person. (Capital "It" opens a sentence, and patterns refuse it.)
  if (speaker === "it") return "outlet";
  if (PRONOUNS.has(speaker.toLowerCase())) return "pronoun";
  if (OUTLET_SET.has(speaker.toLowerCase()) || OUTLET_SET.has(speaker.toLowerCase().replace(/^the /, ""))) return "outlet";
  return /^(the|a|an|another|his|her|my|our|their|one)\s|^\S+['’]s\s|^(?:\p{L}+\s+)?\d/iu.test(speaker) ? "descriptor" : "name";
}

/** An attribution of `speaker`'s words, written at `start` in the text. */
function attributed(speaker: string, cue: string, start: number, kind: Attribution["kind"] = kindOf(speaker)): Attribution {
  return { speaker, cue, at: { start, end: start + speaker.length }, kind };
}

function accept(speaker: string, verb: string): boolean {
  if (!SPEECH_VERBS.has(verb)) return false;
  if (/^(It|This|That|There|Here|What|Which)$/.test(speaker)) return false;
  // "Republican claims": a party's name as an adjective, not someone speaking.
  if (/^(Republican|Democratic|Democrat|Conservative|Liberal|Labour|GOP)$/.test(speaker)) return false;
  if (kindOf(speaker) === "descriptor") {
    const head = speaker.split(/\s+/).pop()!.toLowerCase();
    // "The two Republican presidents": a role in the plural.
    return ROLE_NOUNS.has(head) || ROLE_NOUNS.has(head.replace(/s$/, "")) || DESCRIPTOR_HEADS.has(head);
  }
  return true;
}

/** Attribution after the closing mark: "…,” Toloraia told Sputnik." or "…,” said KJ Singh". */
export function attributionAfter(text: string, end: number, limit: number): Attribution | null {
  const from = end + 1;
  const window = text.slice(from, Math.min(limit, from + 200));
  const sv = AFTER_SPEAKER_VERB.exec(window);
  if (sv && accept(sv[1]!, sv[2]!)) {
    const at = from + sv.index + sv[0].indexOf(sv[1]!);
    // The cue is what follows the speaker, past any apposition ("X, the minister, further said").
    const rest = sv[0].slice(sv[0].indexOf(sv[1]!) + sv[1]!.length).replace(/^(?:,[^,.“”"]{1,150}){1,3},/u, "");
    const cue = rest.trim().replace(/[.,;:]+$/, "");
    return attributed(sv[1]!, cue, at);
  }
  // "“…,” it added.": a document or an outlet named before, no person.
  const it = AFTER_IT_VERB.exec(window);
  if (it && SPEECH_VERBS.has(it[2]!)) {
    const at = from + it.index + it[0].indexOf(it[1]!);
    return attributed(it[1]!, it[2]!, at);
  }
  const putIt = AS_PUT_IT_AFTER.exec(window);
  if (putIt) {
    const at = from + putIt.index + putIt[0].indexOf(putIt[1]!);
    return attributed(putIt[1]!, "put it", at);
  }
  const according = AFTER_ACCORDING_TO.exec(window);
  if (according) {
    // The name with any role words before it, as written: "union president Doris Crouse-Mays".
    const speaker = according[1]!;
    const at = from + according.index + according[0].lastIndexOf(speaker);
    return attributed(speaker, "according to", at);
  }
  const signed = SIGNATURE.exec(window);
  if (signed) {
    const at = from + signed.index + signed[0].indexOf(signed[1]!);
    const speaker = signed[1]!.replace(/\.$/, "");
    return attributed(speaker, "—", at);
  }
  const rn = AFTER_ROLE_NAME_VERB.exec(window);
  if (rn && accept(rn[2]!, rn[3]!)) {
    const at = from + rn.index + rn[0].indexOf(rn[2]!, rn[1]?.length ?? 0);
    return attributed(rn[2]!, rn[3]!, at);
  }
  const role = AFTER_VERB_ROLE_NAME.exec(window);
  if (role && SPEECH_VERBS.has(role[1]!) && ROLE_NOUNS.has(role[2]!)) {
    const at = from + role.index + role[0].lastIndexOf(role[3]!);
    return attributed(role[3]!, role[1]!, at);
  }
  const vs = AFTER_VERB_SPEAKER.exec(window);
  if (vs && SPEECH_VERBS.has(vs[1]!) && !PRONOUNS.has(vs[2]!.toLowerCase())) {
    const at = from + vs.index + vs[0].lastIndexOf(vs[2]!);
    return attributed(vs[2]!, vs[1]!, at);
  }
  const later = LATER_IN_SENTENCE.exec(window);
  if (later && accept(later[1]!, later[2]!)) {
    const at = from + later.index + later[0].lastIndexOf(later[1]!, later[0].length - later[2]!.length);
    return attributed(later[1]!, later[2]!, at);
  }
  return null;
}

/** Attribution before the opening mark, in the same sentence: "He further said, “…" */
export function attributionBefore(text: string, start: number, sentenceStart: number): Attribution | null {
  const window = text.slice(sentenceStart, start - 1);
  const sv = BEFORE_SPEAKER_VERB.exec(window);
  if (sv && accept(sv[1]!, sv[2]!)) {
    const at = sentenceStart + sv.index;
    const cue = window.slice(sv.index + sv[1]!.length).replace(/^,[^,]*,/, "").replace(/[\s,:]+$/, "").trim();
    return attributed(sv[1]!, cue, at);
  }
  // "Said Ellis: “…”", "Asked why, the senator replied: “…”" keep the verb before the speaker.
  const vs = VERB_SPEAKER_BEFORE.exec(window);
  if (vs && accept(vs[2]!, vs[1]!.toLowerCase())) {
    const at = sentenceStart + vs.index + vs[0].indexOf(vs[2]!);
    return attributed(vs[2]!, vs[1]!.toLowerCase(), at);
  }
  const putIt = AS_PUT_IT_BEFORE.exec(window);
  if (putIt) {
    const at = sentenceStart + putIt.index + putIt[0].indexOf(putIt[1]!);
    return attributed(putIt[1]!, "put it", at);
  }
  const acc = ACCORDING_TO.exec(window);
  if (acc) {
    const at = sentenceStart + acc.index + acc[0].indexOf(acc[1]!);
    return attributed(acc[1]!, "according to", at);
  }
  return null;
}

const AUXILIARY = String.raw`(?:['’]s|\s+(?:has|had|is|was|will|would|has been|had been|also))?`;
// Descriptors first: at "The senator said", "The" alone would otherwise be taken for a name.
const SUBJECT_VERB = new RegExp(String.raw`(?<![\p{L}\d])(${DESCRIPTOR}|${SHARE}|${NAME}|[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e)${PARTY_LABEL}${APPOSITION}${AUXILIARY}\s+${ADVERB}${VERB}`, "gu");
/**
 * "Trump’s claim that there have been “…”": the words of whoever made the claim. Only a claim
 * that the quote states or completes: in "Trump’s statement was “true”" someone else judges it.
 */
const POSSESSIVE_CLAIM = new RegExp(
  String.raw`(${NAME})['’]s\s+(?:\p{Ll}+\s+)?(claims?|statements?|remarks?|comments?|assertion|description|words|tweets?|promises?|pledge|warning|accusations?|argument|contention|insistence|boast|vow)(?:\s+that\s[^.!?“”"]{0,80})?\s*$`,
  "u",
);
/** "the former secretary of state and current Democratic presidential nominee said": a long description ending in a role. */
const LONG_DESCRIPTOR_VERB = new RegExp(
  String.raw`(?<![\p{L}])((?:[Tt]he|[Hh]is|[Hh]er)\s+[^,.;:“”"]{0,80}?\s${ROLE_NOUN})\s+${ADVERB}${SPEECH_VERB}`,
  "u",
);
/** "… and vowed to punish “…”": a speech verb coordinated with the sentence's first verb. */
const COORDINATED_VERB = /\s(?:and|but|then)\s+(?:also\s+)?(\p{Ll}+)\b/gu;
const SENTENCE_SUBJECT = new RegExp(String.raw`^(?:(?:In|On|At|During|After|Later|Earlier)\b[^,“”"]{0,60},\s+|(?:Meanwhile|However|Instead|Separately|Still|\p{Lu}\p{Ll}+ly),\s+)?(${DESCRIPTOR}|${NAME}|[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e|[Ii]t)(?![\p{L}])`, "u");

/**
 * Attribution earlier in the quote's sentence, for quotes embedded in a clause: "Trump tells
 * his supporters at a rally to “go to your place and vote”", "He’s claiming that fraud is
 * “a big problem”", "Trump attacked Clinton, saying, “…”". The nearest speaker and speech
 * verb before the quote wins; a participle ("saying") points back to the sentence subject.
 */
export function attributionInSentence(text: string, start: number, sentenceStart: number): Attribution | null {
  const window = text.slice(sentenceStart, start - 1);
  let found: Attribution | null = null;
  const claim = POSSESSIVE_CLAIM.exec(window);
  if (claim) {
    const at = sentenceStart + claim.index;
    found = attributed(claim[1]!, claim[2]!, at);
  }
  // Overlapping matches: a failed candidate ("The" + "senator") must not hide the next one.
  SUBJECT_VERB.lastIndex = 0;
  for (let m = SUBJECT_VERB.exec(window); m; m = SUBJECT_VERB.exec(window)) {
    SUBJECT_VERB.lastIndex = m.index + 1;
    const at = sentenceStart + m.index;
    // The tail of a speaker already found ("Novak told" in "Anna Novak told") is no new one.
    if (found && at < found.at.end) continue;
    if (!accept(m[1]!, m[2]!) || SPEECH_PARTICIPLES.has(m[2]!)) continue;
    found = attributed(m[1]!, m[2]!, at);
  }
  if (found) return found;
  const described = LONG_DESCRIPTOR_VERB.exec(window);
  if (described && SPEECH_VERBS.has(described[2]!)) {
    const at = sentenceStart + described.index + described[0].indexOf(described[1]!);
    return attributed(described[1]!, described[2]!, at, "descriptor");
  }
  for (const m of window.matchAll(COORDINATED_VERB)) {
    if (!SPEECH_VERBS.has(m[1]!)) continue;
    const subject = SENTENCE_SUBJECT.exec(window);
    if (!subject || !accept(subject[1]!, m[1]!)) return null;
    const at = sentenceStart + subject[0].lastIndexOf(subject[1]!);
    return attributed(subject[1]!, m[1]!, at);
  }
  const participle = /,\s+(\p{Ll}+)\b/gu;
  for (const m of window.matchAll(participle)) {
    if (!SPEECH_PARTICIPLES.has(m[1]!)) continue;
    const subject = SENTENCE_SUBJECT.exec(window);
    if (!subject || /^(It|This|That|There|Here|What|Which|The|A|An|In|On|At)$/.test(subject[1]!)) return null;
    const at = sentenceStart + subject[0].lastIndexOf(subject[1]!);
    return attributed(subject[1]!, m[1]!, at);
  }
  return null;
}

// News quotes single words of a speaker ("called her “disgusting”"), so one word is a quote
// when someone is credited with it; without a speaker, a lone quoted word is most often a
// scare quote. (Measured on polnear-dev: these minimums give the best F1.)
const MIN_ATTRIBUTED_WORDS = 1;
const MIN_UNATTRIBUTED_WORDS = 2;
/**
 * A short title-case phrase after a possessive or "of" names a show, a book or a forum
 * ("MSNBC’s “Morning Joe”", "a broadcast of “Fox News Sunday,”"), even in a sentence with a
 * speaker in it.
 */
function isTitle(text: string, span: Span, words: string[]): boolean {
  if (words.length > 6) return false;
  const capitalized = words.filter((w) => /^[\p{Lu}\d]/u.test(w)).length / words.length;
  if (capitalized < 0.6) return false;
  const before = text.slice(Math.max(0, span.start - 25), span.start - 1);
  return /(?:\b(?:of|on)|['’]s?)\s*$/iu.test(before);
}

/** A noun that introduces a work or a name by its title: "the reality show “The Apprentice,”", "the nickname “Lyin' Ted.”". */
const TITLE_NOUN = /\b(?:nickname|documentary|film|movie|book|novel|memoir|song|album|show|programme|program|series|column|op-ed|essay|commentary|editorial|podcast|musical|episode|motto|titled)[,:]?\s*$/i;

/** Mostly capitalized and short: how titles and names are written, not speech. */
function isTitleCased(words: string[]): boolean {
  return words.length <= 8 && words.filter((w) => /^[\p{Lu}\d]/u.test(w)).length / words.length >= 0.6;
}

/**
 * A nickname between a given name and a surname: Gov. C.L. “Butch” Otter, Dwayne “The Rock”
 * Johnson. Only one space on either side, so that a quote opening a sentence after a name
 * ("… said Kim. “We …”") is never taken for one.
 */
function isNickname(text: string, span: Span, words: string[]): boolean {
  if (words.length > 4 || !isTitleCased(words)) return false;
  const before = text.slice(Math.max(0, span.start - 30), span.start - 1);
  return /\p{Lu}[\p{L}'’-]*\s$/u.test(before) && /^.\s\p{Lu}/u.test(text.slice(span.end, span.end + 3));
}

/** Quotation marks around a name, term or title rather than someone's words. */
const WHAT_X_CALLED = /\bwhat\s+(?:\S+\s+){1,3}?(?:called|calls|dubbed|labeled|labelled)(?:\s+(?:a|an|the))?\s*$/i;

export function isNotAQuote(text: string, span: Span, attributed: boolean): boolean {
  const inner = text.slice(span.start, span.end).trim();
  const words = inner.split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const before = text.slice(Math.max(0, span.start - 40), span.start - 1);
  // "what he called a “brazen breach”" reports words; "known as “…”" names a thing.
  if (NAMING_CUES.test(before) && !WHAT_X_CALLED.test(before)) return true;
  if (isTitle(text, span, words)) return true;
  // A work or a name introduced by what it is ("his memoir, “Tough Choices.”"), attributed or not.
  if (isTitleCased(words) && TITLE_NOUN.test(before)) return true;
  if (isNickname(text, span, words)) return true;
  if (attributed) return words.length < MIN_ATTRIBUTED_WORDS;
  if (words.length < MIN_UNATTRIBUTED_WORDS) return true;
  const titleCase = words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length;
  return words.length <= 8 && titleCase > 0.7 && !/[.!?,]$/.test(inner);
}

export interface SpeakerResolver {
  /**
   * The person a speaker's words refer to at a position, or null. A pronoun refers to the
   * subject of its own sentence (`sentenceSubject`) when that person fits it.
   */
  resolve(attribution: Attribution, sentenceSubject?: ExtractedPerson | null): ExtractedPerson | null;
}

/** Builds a resolver over the article's persons and the order of their mentions. */
export function speakerResolver(text: string, persons: ExtractedPerson[], quoteSpans: Span[]): SpeakerResolver & { noteSpeaker(p: ExtractedPerson, at: number): void; lastSpeakerBefore(at: number): ExtractedPerson | null } {
  const insideQuote = (pos: number) => quoteSpans.some((q) => q.start <= pos && pos < q.end);
  const mentions = persons
    .flatMap((p) => p.mentions.filter((m) => m.section === "body" && !insideQuote(m.start)).map((m) => ({ at: m.start, person: p })))
    .sort((a, b) => a.at - b.at);
  const speakers: { at: number; person: ExtractedPerson }[] = [];
  const byName = (name: string): ExtractedPerson | null => {
    const n = name.replace(/^(the )/i, "").trim();
    const exact = persons.filter((p) => p.name === n || p.aliases.includes(n));
    if (exact.length === 1) return exact[0]!;
    const last = n.split(/\s+/).pop()!;
    const partial = persons.filter((p) => p.aliases.some((a) => a.split(/\s+/).includes(last)));
    return partial.length === 1 ? partial[0]! : null;
  };
  const latestBefore = <T extends { at: number }>(items: T[], at: number): T | undefined =>
    items.reduce<T | undefined>((best, item) => (item.at < at && (!best || item.at >= best.at) ? item : best), undefined);
  const lastMentionBefore = (at: number) => latestBefore(mentions, at)?.person ?? null;
  const lastSpeakerBefore = (at: number) => latestBefore(speakers, at)?.person ?? null;
  return {
    noteSpeaker: (person, at) => speakers.push({ at, person }),
    lastSpeakerBefore,
    resolve(a, sentenceSubject) {
      switch (a.kind) {
        case "name":
          return byName(a.speaker);
        case "outlet":
          return null;
        case "pronoun":
          if (/^(they|we|i)$/i.test(a.speaker)) return null;
          // Coreference (src/ingest/coreference) weighs the sentence's subject and the last speaker.
          return coreferenceFor(text, persons, quoteSpans).resolvePronoun(a.speaker, a.at, { sentenceSubject, lastSpeaker: lastSpeakerBefore(a.at.start) });
        case "descriptor": {
          const head = a.speaker.split(/\s+/).pop()!.toLowerCase();
          // "The two Republican presidents", "other members": a group, no one person.
          if (head.endsWith("s") && !ROLE_NOUNS.has(head) && ROLE_NOUNS.has(head.slice(0, -1))) return null;
          const fallback = NON_PERSON_HEADS.has(head) ? null : lastSpeakerBefore(a.at.start) ?? lastMentionBefore(a.at.start);
          return coreferenceFor(text, persons, quoteSpans).resolveDescription(a.speaker, a.at, { fallback });
        }
      }
    },
  };
}

const INDIRECT_SPEAKER = new RegExp(String.raw`${SPEAKER}${APPOSITION}\s+${ADVERB}${VERB}`, "gu");
/** Every word INDIRECT_SPEAKER could take for its verb: lower-case letters after a space. */
const VERB_CANDIDATE = /(?<=\s)\p{Ll}+/gu;

function hasSpeechVerb(paragraph: string): boolean {
  for (const m of paragraph.matchAll(VERB_CANDIDATE)) if (SPEECH_VERBS.has(m[0])) return true;
  return false;
}

/** Indirect speech outside quotes ("Toloraia said that …", "X, professor at Y, told Sputnik that"). */
export function indirectSpeakers(text: string, paragraphs: Span[], quoteSpans: Span[]): Attribution[] {
  const found: Attribution[] = [];
  for (const p of paragraphs) {
    const slice = text.slice(p.start, p.end);
    // The pattern is costly and `accept` wants a speech verb: a paragraph without one is passed over.
    if (!hasSpeechVerb(slice)) continue;
    for (const m of slice.matchAll(INDIRECT_SPEAKER)) {
      const at = p.start + m.index!;
      if (quoteSpans.some((q) => q.start <= at && at < q.end)) continue;
      if (!accept(m[1]!, m[2]!)) continue;
      found.push(attributed(m[1]!, m[2]!, at));
    }
  }
  return found;
}

const CONFIDENCE: Record<Attribution["kind"] | "context" | "subject", number> = {
  name: 0.95, outlet: 0.9, pronoun: 0.85, descriptor: 0.8, context: 0.6, subject: 0.4,
};

/**
 * A name as the patterns match it may run on past a sentence's end ("Reuters. Another …")
 * or start with a sentence opener ("Even China", "Meanwhile"): the name is what is left,
 * or nothing.
 */
function tidy(attribution: Attribution | null): Attribution | null {
  if (!attribution || attribution.kind !== "name") return attribution;
  const tokens = attribution.speaker.split(/\s+/);
  let first = 0;
  while (first < tokens.length && (SENTENCE_STARTERS.has(tokens[first]!) || MONTHS_AND_DAYS.has(tokens[first]!)) && !TITLE_WORDS.has(tokens[first]!)) first++;
  let last = first;
  // A token ending in a dot ends the name unless it is an initial or a title ("J.", "Gov.").
  while (last < tokens.length - 1 && !(tokens[last]!.endsWith(".") && tokens[last]!.length > 2 && !TITLE_WORDS.has(tokens[last]!))) last++;
  const kept = tokens.slice(first, last + 1);
  // "Mr. Obama's remarks …": a possessive names whose words they are not.
  if (!kept.length || /['’]s$/.test(kept[kept.length - 1]!)) return null;
  if (kept[kept.length - 1]!.length > 2 && !TITLE_WORDS.has(kept[kept.length - 1]!)) kept[kept.length - 1] = kept[kept.length - 1]!.replace(/\.$/, "");
  const speaker = kept.join(" ");
  if (speaker === attribution.speaker) return attribution;
  const start = attribution.at.start + attribution.speaker.indexOf(speaker);
  return { ...attribution, speaker, at: { start, end: start + speaker.length } };
}

/** An opening phrase's text: words, and titles in quotation marks ("On “Face the Nation,” …"). */
const OPENER_BODY = String.raw`(?:[^,“”"]|[“"][^“”"]{1,40}[”"])`;
/** The subject of a sentence and its first verb, after an opening phrase ("In July, Gingrich dismissed …"). */
const SUBJECT_AND_VERB = new RegExp(
  String.raw`^(?:(?:In|On|At|During|After|Before|Later|Earlier|Since|Last|This|Yet|But|And|Still|With|Following|Amid|Despite|Although|Though|While|When|As|If|Because|Like|Unlike)\b${OPENER_BODY}{0,140}?(?:,|[“"][^“”"]{1,40},[”"])\s+|[^,“”"]{1,40}\bago,\s+)?((?:[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e)(?![\p{L}])|${DESCRIPTOR}|${SHARE}|${NAME})${PARTY_LABEL}${APPOSITION}${AUXILIARY}\s+${ADVERB}(\p{Ll}+)`,
  "u",
);

/** A sentence opening with a described person or group: "The two former presidents introduced …". */
const ROLE_SUBJECT = new RegExp(
  String.raw`^((?:The|A|An|His|Her|My|Our|Their)\s+(?:[\p{L}’'-]+\s+){0,4}?${ROLE_NOUN}s?)${AUXILIARY}\s+${ADVERB}(\p{Ll}+)`,
  "u",
);

/** Words that follow a capitalized word without being its verb. */
const NOT_A_VERB = new Set(["of", "in", "on", "at", "for", "to", "from", "by", "with", "and", "or", "the", "a", "an"]);

/**
 * The last resort for a quote inside a sentence that names no speech verb: the sentence's
 * subject ("Reid has gone after Trump as a “spoiled brat”", "Trump openly admires Putin as
 * a “strong leader”"). Partial quotes mostly repeat the words of whoever the sentence is
 * about; the low confidence says it was inferred.
 */
function sentenceSubject(text: string, start: number, sentenceStart: number): Attribution | null {
  const window = text.slice(sentenceStart, start - 1);
  const m = ROLE_SUBJECT.exec(window) ?? SUBJECT_AND_VERB.exec(window);
  if (!m) return null;
  const kind = kindOf(m[1]!);
  // "After", "According", "With Democratic …": a sentence opener, not a name.
  if (kind === "name" && SENTENCE_STARTERS.has(m[1]!.split(/\s+/)[0]!)) return null;
  if (kind === "descriptor" && !accept(m[1]!, "said")) return null;
  const at = sentenceStart + m[0].indexOf(m[1]!);
  return tidy(attributed(m[1]!, m[2]!, at, kind));
}

/**
 * Where the sentence around `pos` starts. A dot after an initial or an abbreviation ("U.S.",
 * "Gov.", "Mr.") ends no sentence.
 */
function sentenceStartBefore(text: string, pos: number, paragraphStart: number): number {
  const slice = text.slice(paragraphStart, pos);
  let start = paragraphStart;
  for (const m of slice.matchAll(/([\p{L}\d]*)(\)?)([.!?])["”’)]?\s+/gu)) {
    const word = m[1]!;
    // "(D-Nev.). Next" or "off the hook). Next": a closing parenthesis ends the sentence.
    // "(R-Wis.) said": a lowercase word after the dot continues the sentence.
    if (/^\p{Ll}/u.test(slice.slice(m.index! + m[0].length))) continue;
    if (m[3] === "." && !m[2] && (word.length <= 1 || TITLE_WORDS.has(`${word}.`) || /^(?:Jr|Sr|St|No|Inc|Co|Corp|Ltd|vs|etc)$/.test(word))) continue;
    start = paragraphStart + m.index! + m[0].length;
  }
  return start;
}

/** "…, Schiff said." ending a sentence: the speaker named last, after a comma. */
const CLOSING_ATTRIBUTION = new RegExp(String.raw`,\s+${SPEAKER}${PARTY_LABEL}\s+${ADVERB}${SPEECH_VERB}${OBJECT}[^.!?“”"]{0,60}[.:]\s*$`, "u");

/**
 * The speaker of the sentence before a quote that opens a sentence of its own, when that
 * sentence reports speech: "…, Schiff said. “The other factor …”", "Jonas Berg warned that
 * the port could close. “We have two weeks of fuel left.”". A quote opening its paragraph
 * looks back only past an introducing colon ("The New York Times reports:").
 */
function previousSentenceSpeaker(text: string, sentenceStart: number, paragraph: Span, previousParagraph: Span | undefined): Attribution | null {
  let end: number;
  let start: number;
  if (sentenceStart > paragraph.start) {
    end = sentenceStart;
    start = sentenceStartBefore(text, end - 1, paragraph.start);
  } else {
    if (!previousParagraph || !/:\s*$/.test(text.slice(previousParagraph.start, previousParagraph.end))) return null;
    end = previousParagraph.end;
    start = sentenceStartBefore(text, end - 1, previousParagraph.start);
  }
  const sentence = text.slice(start, end);
  // A sentence that is itself a quote has its own attribution, which the caller has tried;
  // titles in marks ("On “Face the Nation,” Sanders said …") are no such quote.
  if (/^\s*["“]|["”]\s*[.!?]?\s*$/.test(sentence)) return null;
  const closing = CLOSING_ATTRIBUTION.exec(sentence);
  if (closing && accept(closing[1]!, closing[2]!)) {
    const at = start + closing.index + closing[0].indexOf(closing[1]!);
    return tidy(attributed(closing[1]!, closing[2]!, at));
  }
  const subject = sentenceSubject(text, end + 1, start);
  return subject && SPEECH_VERBS.has(subject.cue!) && accept(subject.speaker, subject.cue!) ? subject : null;
}

export function extractQuotes(text: string, paragraphs: Span[], persons: ExtractedPerson[]): ExtractedQuote[] {
  const spans = findQuoteSpans(text, paragraphs);
  const resolver = speakerResolver(text, persons, spans);
  const events: { at: number; person: ExtractedPerson }[] = [];
  for (const a of indirectSpeakers(text, paragraphs, spans)) {
    const person = resolver.resolve(a);
    if (person) events.push({ at: a.at.start, person });
  }
  events.sort((a, b) => a.at - b.at).forEach((e) => resolver.noteSpeaker(e.person, e.at));

  const quotes: ExtractedQuote[] = [];
  /** The paragraph of the last quote kept (spans dropped as titles or terms do not count). */
  let lastQuoteParagraph = -1;
  /** The quotes of each multi-paragraph quotation (one per paragraph), to share one speaker. */
  const chains: ExtractedQuote[][] = [];
  // Merge "“A,” he said, “B.”": the second half inherits the first half's speaker.
  for (let k = 0; k < spans.length; k++) {
    const span = spans[k]!;
    const paragraph = paragraphs[span.paragraph]!;
    const paragraphEnd = paragraphs.find((p) => p.start <= span.end && span.end <= p.end)?.end ?? paragraph.end;
    const nextStart = spans[k + 1]?.start ?? Infinity;
    const sentenceStart = sentenceStartBefore(text, span.start, paragraph.start);
    // A quote ending its sentence inside the sentence ("Japan called it an “outlaw nation.”
    // Russia insisted …"): what follows is the next sentence, not its attribution.
    const endsItsSentence = span.start - 1 > sentenceStart && /[.]\s*$/.test(text.slice(span.start, span.end)) && /^\s+\p{Lu}/u.test(text.slice(span.end + 1, span.end + 4));
    const after = tidy(span.unclosed || endsItsSentence ? null : attributionAfter(text, span.end, Math.min(paragraphEnd, nextStart - 1)));
    const before = tidy(attributionBefore(text, span.start, sentenceStart));
    const inSentence = after || before ? null : tidy(attributionInSentence(text, span.start, sentenceStart));
    const attribution = after && after.kind !== "pronoun" ? after : before && before.kind !== "pronoun" ? before : after ?? before ?? inSentence;
    // The last resort, for a quote inside a sentence (not opening its paragraph). It also makes
    // a one-word quote a quote: someone is credited with it, if only as the sentence's subject.
    const subjectFound = attribution || span.start - 1 === paragraph.start ? null : sentenceSubject(text, span.start, sentenceStart);
    // "Thousands of “phishing” emails": a noun phrase running on is no subject and verb to credit
    // a lone word to, and a lone word no one said is a term.
    const loneWord = !/\s/.test(text.slice(span.start, span.end).trim());
    const subject = subjectFound && !(loneWord && NOT_A_VERB.has(subjectFound.cue!)) ? subjectFound : null;
    if (isNotAQuote(text, span, !!attribution || !!subject)) continue;
    // "Clinton says she appreciated Machado’s courage through what she calls “…”": she is Clinton.
    const subjectOfPronoun = attribution?.kind === "pronoun" && attribution.at.start > sentenceStart ? sentenceSubject(text, attribution.at.start, sentenceStart) : null;
    const subjectPerson = subjectOfPronoun?.kind === "name" ? resolver.resolve(subjectOfPronoun) : null;
    let speakerPerson = attribution ? resolver.resolve(attribution, subjectPerson) : null;
    let confidence = attribution ? CONFIDENCE[attribution.kind] : 0.2;
    let speaker = attribution?.speaker ?? null;
    let cue = attribution?.cue ?? null;
    if (!attribution) {
      // Context: a quote paragraph with no attribution continues the last speaker, or the
      // person the previous paragraph introduced.
      const previous = quotes[quotes.length - 1];
      const contextual = resolver.lastSpeakerBefore(span.start) ?? null;
      const continuesParagraph = previous && (previous.speakerPerson || previous.speaker) && span.paragraph === lastQuoteParagraph;
      const introduced = span.start - 1 === sentenceStart && !continuesParagraph ? previousSentenceSpeaker(text, sentenceStart, paragraph, paragraphs[span.paragraph - 1]) : null;
      if (introduced) {
        speakerPerson = resolver.resolve(introduced);
        speaker = introduced.speaker;
        cue = introduced.cue;
        confidence = CONFIDENCE.context;
      } else if (span.start - 1 === paragraph.start && contextual) {
        speakerPerson = contextual;
        // The words that named the speaker last, when the last quote was theirs ("he").
        speaker = previous?.speakerPerson === contextual.name ? previous.speaker : null;
        confidence = CONFIDENCE.context;
      } else if (continuesParagraph) {
        // A quote continuing in the paragraph of an attributed one ("“A,” X said. “B.”").
        speakerPerson = persons.find((p) => p.name === previous.speakerPerson) ?? null;
        speaker = previous.speaker;
        cue = previous.cue;
        confidence = CONFIDENCE.context;
      } else if (subject) {
        speakerPerson = resolver.resolve(subject);
        speaker = subject.speaker;
        confidence = CONFIDENCE.subject;
      }
    }
    if (speakerPerson) resolver.noteSpeaker(speakerPerson, span.start);
    const quote: ExtractedQuote = {
      text: text.slice(span.start, span.end).trim(),
      start: span.start,
      end: span.end,
      speaker,
      speakerPerson: speakerPerson?.name ?? null,
      cue,
      confidence,
      context: text.slice(paragraph.start, paragraphEnd),
      // An attribution right after the marks ("” he said", "” said Kim") ends the quoted words;
      // one further on ("” was how Kim described it") is the sentence running on past them.
      kind: quoteKind(text, span, sentenceStart, !!after && /^[\s,—–-]*(?:\p{Ll}+\s+)?$/u.test(text.slice(span.end + 1, after.at.start))),
    };
    quotes.push(quote);
    lastQuoteParagraph = span.paragraph;
    if (span.continues && chains.length) chains[chains.length - 1]!.push(quote);
    else chains.push([quote]);
  }
  // A multi-paragraph quotation is attributed once, before its first paragraph or after its
  // last: every paragraph of it gets that speaker.
  for (const chain of chains) {
    const best = chain.reduce((a, b) => (b.confidence > a.confidence ? b : a));
    for (const quote of chain) {
      if (quote.confidence >= best.confidence) continue;
      Object.assign(quote, { speaker: best.speaker, speakerPerson: best.speakerPerson, cue: best.cue, confidence: best.confidence });
    }
  }
  return quotes;
}
