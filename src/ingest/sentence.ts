// The sentence (or sentences) around a quote, from the paragraph it stands in.
const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

/**
 * The sentences of `paragraph` that the quote touches, from the one where it starts to the
 * one where it ends (a quote can hold several sentences), trimmed. The paragraph itself
 * when the quote is not found in it.
 */
export function sentenceAround(paragraph: string, quoteText: string): string {
  const start = paragraph.indexOf(quoteText);
  if (start < 0 || !quoteText) return paragraph.trim();
  // Include the closing quotation mark, so the attribution after it stays with the sentence.
  const end = start + quoteText.length + 1;
  let from = -1;
  let to = paragraph.length;
  for (const { index, segment } of segmenter.segment(paragraph)) {
    const segmentEnd = index + segment.length;
    if (from < 0 && segmentEnd > start) from = index;
    if (segmentEnd >= end) {
      to = segmentEnd;
      break;
    }
  }
  return paragraph.slice(Math.max(from, 0), to).trim();
}
