// Quoted sources by gender over time and by outlet: who gets to speak in the news. Counts
// come from one grouped statement each; a speaker's gender is Person.gender.
import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import type { TimelineInterval } from "../db/queries/analytics.js";
import { quotedGenderBySource, quotedGenderTimeline, type GenderCountRow } from "../db/queries/quote-gender.js";
import { Gender } from "../models/gender.js";
import { GenderQuoteCount, QuoteGenderBucket, SourceQuoteGender } from "../models/quote-gender.js";
import { Interval } from "./AnalyticsResolver.js";
import type { Context } from "./context.js";
import { badInput } from "./errors.js";
import { ArticleFilter, articleFilterValues } from "./inputs/ArticleFilter.js";
import { cappedSize, MAX_GENDER_TIMELINE_BUCKETS, sizeArg } from "./list-caps.js";
import { nextBucket } from "./timeline.js";

const GENDERS = [Gender.FEMALE, Gender.MALE, Gender.UNKNOWN] as const;

/** One count per gender, zeros for those absent, and women's share of the known. */
function countsOf(rows: GenderCountRow[]): { counts: GenderQuoteCount[]; femaleShare: number | null } {
  const counts = GENDERS.map((gender) => {
    const row = rows.find((r) => r.gender === gender);
    return Object.assign(new GenderQuoteCount(), { gender, quotedPersons: row?.quotedPersons ?? 0, quotes: row?.quotes ?? 0, directQuotes: row?.directQuotes ?? 0, partialQuotes: row?.partialQuotes ?? 0 });
  });
  const known = counts[0]!.quotedPersons + counts[1]!.quotedPersons;
  return { counts, femaleShare: known ? counts[0]!.quotedPersons / known : null };
}

@Resolver()
export class QuoteGenderResolver {
  @Query(() => [QuoteGenderBucket], { description: `Quoted sources by gender per day, week or month of publication: distinct persons quoted and their quotes, gaps filled with zeros. Narrow it with filter (publishedAfter, publishedBefore, source …). At most ${MAX_GENDER_TIMELINE_BUCKETS} buckets: a longer range is refused.` })
  async quotedGenderTimeline(
    @Arg("filter", () => ArticleFilter, { nullable: true, description: "Which articles count, e.g. { publishedAfter: \"2016-01-01T00:00:00Z\", source: \"Reuters\" }." }) filter: ArticleFilter | null,
    @Arg("interval", () => Interval, { defaultValue: Interval.MONTH, description: "Bucket width." }) interval: Interval,
    @Ctx() { db }: Context,
  ): Promise<QuoteGenderBucket[]> {
    const rows = await quotedGenderTimeline(db, articleFilterValues(filter), interval as TimelineInterval);
    if (!rows.length) return [];
    const byStart = new Map<number, GenderCountRow[]>();
    for (const row of rows) {
      const at = new Date(row.start).getTime();
      byStart.set(at, [...(byStart.get(at) ?? []), row]);
    }
    const first = new Date(rows[0]!.start);
    const last = new Date(rows.at(-1)!.start);
    const buckets: QuoteGenderBucket[] = [];
    for (let at = first; at.getTime() <= last.getTime(); at = nextBucket(at, interval as TimelineInterval)) {
      if (buckets.length === MAX_GENDER_TIMELINE_BUCKETS) {
        throw badInput(`the quotes span ${first.toISOString()} to ${last.toISOString()}, more than ${MAX_GENDER_TIMELINE_BUCKETS} ${interval} buckets: narrow the range or choose a coarser interval`, "interval");
      }
      buckets.push(Object.assign(new QuoteGenderBucket(), { start: at, ...countsOf(byStart.get(at.getTime()) ?? []) }));
    }
    return buckets;
  }

  @Query(() => [SourceQuoteGender], { description: "Quoted sources by gender per outlet (Article.source), the outlets with the most quotes first: distinct persons quoted and their quotes. Narrow it with filter (publishedAfter, publishedBefore …)." })
  async quotedGenderBySource(
    @Arg("filter", () => ArticleFilter, { nullable: true, description: "Which articles count, e.g. a date range." }) filter: ArticleFilter | null,
    @Arg("first", () => Int, sizeArg("Query.quotedGenderBySource", "How many outlets, most quotes first")) first: number,
    @Ctx() { db }: Context,
  ): Promise<SourceQuoteGender[]> {
    const rows = await quotedGenderBySource(db, articleFilterValues(filter), cappedSize("Query.quotedGenderBySource", first));
    const sources: SourceQuoteGender[] = [];
    for (const row of rows) {
      const last = sources.at(-1);
      if (last && last.source === row.source) continue;
      sources.push(Object.assign(new SourceQuoteGender(), { source: row.source, ...countsOf(rows.filter((r) => r.source === row.source)) }));
    }
    return sources;
  }
}
