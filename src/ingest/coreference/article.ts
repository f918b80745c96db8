// Coreference over an article's body as the extractor segments it: its paragraphs are the
// regions read, and its quoted words are found the way quote extraction finds them.
import { findQuoteSpans } from "../quotes.js";
import type { ExtractedPerson, Span } from "../types.js";
import { buildCoreference, remember, type Coreference } from "./index.js";

/** Built once per article: quote attribution (coreferenceFor) then finds this one. */
export function articleCoreference(text: string, paragraphs: Span[], persons: ExtractedPerson[]): Coreference {
  return remember(text, persons, buildCoreference(text, persons, { regions: paragraphs, quoteSpans: findQuoteSpans(text, paragraphs) }));
}
