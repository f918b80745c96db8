// Stage 1, read: bytes in, RawDocuments out. Detects the format (scraped text, HTML, JSON
// Lines), refuses what cannot be an article with a reason, and notes what it assumed.
import { httpUrl } from "../http-url.js";
import { disallowedControlCharacter, MAX_SOURCE_LENGTH, MAX_TITLE_LENGTH } from "../text-rules.js";
import { parseIsoDate, publicationRangeProblem } from "./dates.js";
import { parseHtml } from "./read-html.js";
import { IngestError, type RawDocument } from "./types.js";

export const MAX_INPUT_BYTES = 2 * 1024 * 1024;

export interface InputHints {
  url?: string;
  source?: string;
  publishedAt?: Date;
  title?: string;
  /** Force a format instead of detecting it. */
  format?: "text" | "html";
}

/** Decodes bytes as UTF-8, refusing binary data. */
export function decodeText(origin: string, bytes: Uint8Array): string {
  if (bytes.length === 0) throw new IngestError(origin, "the file is empty");
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new IngestError(origin, `the input is ${bytes.length} bytes, over the ${MAX_INPUT_BYTES}-byte limit for one article`);
  }
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) throw new IngestError(origin, "the file is binary (it contains NUL bytes), not text or HTML");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new IngestError(origin, "the file is not valid UTF-8 text");
  }
  const controls = (text.slice(0, 8192).match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g) ?? []).length;
  if (controls > 8) throw new IngestError(origin, "the file looks binary (control characters), not text or HTML");
  return text.replace(/^\ufeff/, "");
}

function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  if (head.startsWith("<!doctype html") || head.startsWith("<html")) return true;
  return (text.match(/<(p|div|article|body|head|span|a|br|h1|h2)[\s>/]/gi) ?? []).length >= 3;
}

function looksLikeJsonLines(text: string): boolean {
  const first = text.trimStart().split("\n", 1)[0]!.trim();
  if (!first.startsWith("{")) return false;
  try {
    const value = JSON.parse(first);
    return typeof value === "object" && value !== null && ("text" in value || "html" in value);
  } catch {
    return false;
  }
}

/** Reads one input (a file's contents, a GraphQL argument …) into one or more documents; any bad JSON Lines line throws. */
export function readInput(origin: string, input: string | Uint8Array, hints: InputHints = {}): RawDocument[] {
  const read = readDocuments(origin, input, hints);
  const failed = read.find((item) => item instanceof IngestError);
  if (failed) throw failed;
  return read as RawDocument[];
}

/**
 * Reads one input into its documents, where a JSON Lines line that is not a good record
 * fails alone: its IngestError (naming the file and line) takes its place, and the other
 * lines are still read. A file that cannot be read at all throws.
 */
export function readDocuments(origin: string, input: string | Uint8Array, hints: InputHints = {}): (RawDocument | IngestError)[] {
  const text = typeof input === "string" ? checkString(origin, input) : decodeText(origin, input);
  if (!text.trim()) throw new IngestError(origin, "the input holds only whitespace");
  const format = hints.format ?? (origin.endsWith(".jsonl") || looksLikeJsonLines(text) ? "jsonl" : looksLikeHtml(text) ? "html" : "text");
  if (format === "jsonl") return readJsonLines(origin, text);
  const assumedNote = hints.format ? [] : [`read as ${format === "html" ? "HTML" : "scraped plain text"} (detected)`];
  return [makeDocument(origin, format, text, hints, assumedNote)];
}

function checkString(origin: string, text: string): string {
  if (Buffer.byteLength(text) > MAX_INPUT_BYTES) throw new IngestError(origin, `the input is over the ${MAX_INPUT_BYTES}-byte limit for one article`);
  if (text.includes("\u0000")) throw new IngestError(origin, "the input contains NUL characters: binary data is not an article");
  return text.replace(/^\ufeff/, "");
}

/**
 * Refuses hints no article can have: what a caller states about an article must hold, where
 * something merely found in the text is dropped with a note instead (admit.ts).
 */
function checkHints(origin: string, hints: InputHints): void {
  for (const [key, max] of [["title", MAX_TITLE_LENGTH], ["source", MAX_SOURCE_LENGTH]] as const) {
    const value = hints[key];
    if (value === undefined) continue;
    if (value.length > max) throw new IngestError(origin, `"${key}" is ${value.length} characters long, over the limit of ${max}`);
    const control = disallowedControlCharacter(value);
    if (control) throw new IngestError(origin, `"${key}" contains a control character (${control})`);
  }
  const problem = hints.publishedAt ? publicationRangeProblem(hints.publishedAt) : null;
  if (problem) throw new IngestError(origin, `"publishedAt" ${problem}: give the article's real publication time, or none`);
}

function makeDocument(origin: string, format: "text" | "html", raw: string, given: InputHints, notes: string[]): RawDocument {
  const { format: _forced, ...hints } = given;
  checkHints(origin, hints);
  const stored = { ...hints, format };
  if (format === "html") {
    const page = parseHtml(origin, raw);
    return {
      origin, format, raw, text: page.text, hints: stored, notes: [...notes, ...page.notes], htmlComments: page.comments,
      url: hints.url ?? page.url, source: hints.source ?? page.siteName, title: hints.title ?? page.title,
      publishedAt: hints.publishedAt ?? page.publishedAt, authors: page.authors,
    };
  }
  return { origin, format, raw, text: raw, hints: stored, notes, url: hints.url, source: hints.source, title: hints.title, publishedAt: hints.publishedAt };
}

interface JsonRecord {
  title?: unknown;
  text?: unknown;
  html?: unknown;
  url?: unknown;
  source?: unknown;
  publishedAt?: unknown;
}

/** One document or one IngestError per non-blank line: a feed with one bad line keeps the rest. */
function readJsonLines(origin: string, text: string): (RawDocument | IngestError)[] {
  const read: (RawDocument | IngestError)[] = [];
  text.split("\n").forEach((line, index) => {
    if (!line.trim()) return;
    const where = `${origin}:${index + 1}`;
    try {
      read.push(recordToDocument(where, parseLine(where, line)));
    } catch (error) {
      if (!(error instanceof IngestError)) throw error;
      read.push(error);
    }
  });
  if (!read.length) throw new IngestError(origin, "the JSON Lines file holds no records");
  return read;
}

function parseLine(where: string, line: string): JsonRecord {
  try {
    return JSON.parse(line);
  } catch (error) {
    throw new IngestError(where, `line is not valid JSON (${(error as Error).message})`);
  }
}

export function recordToDocument(where: string, record: JsonRecord): RawDocument {
  if (typeof record !== "object" || record === null) throw new IngestError(where, "a record must be a JSON object");
  const body = typeof record.text === "string" ? record.text : typeof record.html === "string" ? record.html : null;
  if (body === null || !body.trim()) throw new IngestError(where, 'a record needs a non-empty "text" or "html" string');
  const hints: InputHints = {
    url: optionalHttpUrl(where, record),
    source: optionalString(where, record, "source"),
    title: optionalString(where, record, "title"),
    publishedAt: optionalDate(where, record.publishedAt),
  };
  const format = typeof record.text === "string" ? "text" : "html";
  const doc = makeDocument(where, format, checkString(where, body), hints, [`JSON Lines record with "${format === "text" ? "text" : "html"}"`]);
  return { ...doc, format: "jsonl" };
}

function optionalString(where: string, record: JsonRecord, key: keyof JsonRecord): string | undefined {
  const value = record[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw new IngestError(where, `"${key}" must be a string`);
  return value;
}

function optionalHttpUrl(where: string, record: JsonRecord): string | undefined {
  const value = optionalString(where, record, "url");
  if (value === undefined) return undefined;
  const url = httpUrl(value);
  if (!url) throw new IngestError(where, `"url" must be an absolute http or https URL of at most 2,048 characters`);
  return url;
}

function optionalDate(where: string, value: unknown): Date | undefined {
  if (value === undefined || value === null) return undefined;
  const date = typeof value === "string" ? parseIsoDate(value) : null;
  if (!date) throw new IngestError(where, `"publishedAt" must be an ISO 8601 date or date-time (2017-03-30 or 2017-03-30T19:40:00+03:00), got ${JSON.stringify(value).slice(0, 100)}`);
  return date;
}
