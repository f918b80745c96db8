// The values a filter or a timeline is asked with, apart from the queries that read them, so
// the kept-count shortcuts (day-counts.ts) and the queries they serve share them without a cycle.
export interface ArticleFilterValues {
  search?: string | null;
  publishedAfter?: Date | null;
  publishedBefore?: Date | null;
  source?: string | null;
  personId?: number | null;
  venueId?: number | null;
  organizationId?: number | null;
  tag?: string | null;
  author?: string | null;
  speakerId?: number | null;
  hasQuotes?: boolean | null;
}

export type TimelineInterval = "DAY" | "WEEK" | "MONTH";
