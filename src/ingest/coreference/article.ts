// Coreference over an article's body as the extractor segments it: its paragraphs are the
// regions read, and its quoted words are found the way quote extraction finds them.
import { findQuoteSpans } from "../quotes.js";
import type { ExtractedPerson, Span } from "../types.js";
import { buildCoreference, type Coreference } from "./index.js";

/**
 * Over the body's paragraphs, for gender. Quote attribution builds its own over the whole
 * text (coreferenceFor): sharing this one cost two named speakers on polnear-train.
 */
export function articleCoreference(text: string, paragraphs: Span[], persons: ExtractedPerson[]): Coreference {
  return buildCoreference(text, persons, { regions: paragraphs, quoteSpans: findQuoteSpans(text, paragraphs) });
}
