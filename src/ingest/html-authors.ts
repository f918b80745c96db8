// The authors an HTML page names: JSON-LD first (the most exact), then author meta tags,
// then byline elements. The first of these that names anyone wins: the same writers are
// usually given in all three, in forms that differ ("JANE DOE", "By Jane Doe | 3 May").
import { namesInByline, uniqueAuthors } from "./bylines.js";

/** schema.org types whose `author` is an article's byline. */
const ARTICLE_TYPE = /(Article|ReportageNews|BlogPosting|Report)$/;
const BYLINE_ELEMENTS = '[itemprop~="author"] [itemprop~="name"], [rel~="author"], .byline, [class*="byline"], .author, [itemprop~="author"]';

type Json = unknown;

function typesOf(node: Record<string, Json>): string[] {
  const t = node["@type"];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === "string");
}

/** Every object in a JSON-LD document: top level, arrays and @graph. */
function* nodesOf(value: Json): Generator<Record<string, Json>> {
  if (Array.isArray(value)) for (const v of value) yield* nodesOf(v);
  else if (value && typeof value === "object") {
    const node = value as Record<string, Json>;
    yield node;
    if (node["@graph"]) yield* nodesOf(node["@graph"]);
  }
}

/**
 * The names of a JSON-LD `author`: a string, {name}, or a list of either. An author typed
 * Organization is the outlet, not a writer: left out.
 */
function jsonLdAuthorNames(author: Json): string[] {
  if (typeof author === "string") return namesInByline(author, false);
  if (Array.isArray(author)) return author.flatMap(jsonLdAuthorNames);
  if (author && typeof author === "object") {
    const node = author as Record<string, Json>;
    if (typesOf(node).some((t) => /Organi[sz]ation|NewsMediaOrganization|Corporation/.test(t))) return [];
    return typeof node.name === "string" ? namesInByline(node.name, false) : [];
  }
  return [];
}

function fromJsonLd(document: Document): string[] {
  const names: string[] = [];
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let parsed: Json;
    try {
      parsed = JSON.parse(script.textContent ?? "");
    } catch {
      continue; // a broken JSON-LD block is the page's fault: the other sources still count
    }
    for (const node of nodesOf(parsed)) {
      if (typesOf(node).some((t) => ARTICLE_TYPE.test(t))) names.push(...jsonLdAuthorNames(node.author));
    }
  }
  return names;
}

function fromMeta(document: Document): string[] {
  const names: string[] = [];
  for (const el of document.querySelectorAll('meta[name="author"], meta[property="article:author"], meta[name="byl"], meta[name="sailthru.author"]')) {
    // article:author is often the writer's profile URL: no name to read there.
    names.push(...namesInByline(el.getAttribute("content") ?? "", false));
  }
  return names;
}

function fromElements(document: Document): string[] {
  const names: string[] = [];
  for (const el of document.querySelectorAll(BYLINE_ELEMENTS)) {
    // A byline element's text is checked like a "By" line: it is often mixed with dates.
    names.push(...namesInByline((el.textContent ?? "").replace(/\s+/g, " ").trim(), true));
  }
  return names;
}

export function readAuthors(document: Document): string[] {
  for (const source of [fromJsonLd, fromMeta, fromElements]) {
    const names = uniqueAuthors(source(document));
    if (names.length) return names;
  }
  return [];
}
