// Aggregates that dashboards draw: timelines, top lists, the co-occurrence network and the
// venue map. Each takes an ArticleFilter, so any of them can be narrowed to a date range,
// a source, a search, a person or a venue.
import { Arg, Ctx, Int, Query, Resolver, registerEnumType } from "type-graphql";
import {
  coMentionNetwork, timeline, topPersons, topSpeakers, topVenues, type TimelineInterval,
} from "../db/queries/analytics.js";
import { personFromJson } from "../db/objects.js";
import type { Person } from "../models/Person.js";
import { CoMentionNetwork, PersonCount, SpeakerCount, TimelineBucket, VenueCount } from "../models/stats.js";
import type { Venue } from "../models/Venue.js";
import type { Context } from "./context.js";
import { inRange } from "./errors.js";
import { ArticleFilter, articleFilterValues } from "./inputs/ArticleFilter.js";
import { withLoaded } from "./connections.js";
import { primed } from "./loaders.js";
import { cappedSize, MAX_NETWORK_NODES, MAX_TIMELINE_BUCKETS, sizeArg } from "./list-caps.js";
import { fillTimeline } from "./timeline.js";

export enum Interval {
  DAY = "DAY",
  WEEK = "WEEK",
  MONTH = "MONTH",
}
registerEnumType(Interval, {
  name: "TimelineInterval",
  description: "Width of a timeline bucket (UTC).",
  valuesConfig: { DAY: { description: "Calendar days." }, WEEK: { description: "Weeks starting on Monday." }, MONTH: { description: "Calendar months." } },
});


/** Pairs each counted row with its loaded entity, dropping rows whose entity is gone. */
async function withEntities<R extends { id: number }, E, O>(rows: R[], load: (ids: number[]) => Promise<(E | null | Error)[]>, make: (row: R, entity: E) => O): Promise<O[]> {
  return withLoaded(rows, await load(rows.map((r) => r.id)), make);
}

@Resolver()
export class AnalyticsResolver {
  @Query(() => [TimelineBucket], { description: `Matching articles per day, week or month of publication, gaps filled with zeros: filter on a person, a venue or a search for their timeline. At most ${MAX_TIMELINE_BUCKETS} buckets: a longer range is refused (narrow it or choose a coarser interval).` })
  async mentionTimeline(
    @Arg("filter", () => ArticleFilter, { nullable: true, description: "Which articles count: e.g. { person: ID } or { search: \"sanctions\" }." }) filter: ArticleFilter | null,
    @Arg("interval", () => Interval, { defaultValue: Interval.DAY, description: "Bucket width." }) interval: Interval,
    @Ctx() { db }: Context,
  ): Promise<TimelineBucket[]> {
    const rows = await timeline(db, articleFilterValues(filter), interval as TimelineInterval);
    return fillTimeline(rows, interval as TimelineInterval, MAX_TIMELINE_BUCKETS).map((bucket) => Object.assign(new TimelineBucket(), bucket));
  }

  @Query(() => [PersonCount], { description: "Persons mentioned in the most matching articles." })
  async topPersons(
    @Arg("filter", () => ArticleFilter, { nullable: true, description: "Which articles count, e.g. a date range." }) filter: ArticleFilter | null,
    @Arg("first", () => Int, sizeArg("Query.topPersons")) first: number,
    @Ctx() { db, loaders }: Context,
  ): Promise<PersonCount[]> {
    const rows = await topPersons(db, articleFilterValues(filter), cappedSize("Query.topPersons", first));
    return withEntities(rows, (ids) => loaders.person.loadMany(ids), (row, person: Person) => ({ ...row, person }));
  }

  @Query(() => [SpeakerCount], { description: "Persons quoted most often in the matching articles; direct and partial quotes both count." })
  async topSpeakers(
    @Arg("filter", () => ArticleFilter, { nullable: true, description: "Which articles count, e.g. a date range." }) filter: ArticleFilter | null,
    @Arg("first", () => Int, sizeArg("Query.topSpeakers")) first: number,
    @Ctx() { db, loaders }: Context,
  ): Promise<SpeakerCount[]> {
    const rows = await topSpeakers(db, articleFilterValues(filter), cappedSize("Query.topSpeakers", first));
    return withEntities(rows, (ids) => loaders.person.loadMany(ids), (row, person: Person) => ({ ...row, person }));
  }

  @Query(() => [VenueCount], { description: "Venues named in the most matching articles." })
  async topVenues(
    @Arg("filter", () => ArticleFilter, { nullable: true, description: "Which articles count, e.g. a date range." }) filter: ArticleFilter | null,
    @Arg("first", () => Int, sizeArg("Query.topVenues")) first: number,
    @Ctx() { db, loaders }: Context,
  ): Promise<VenueCount[]> {
    const rows = await topVenues(db, articleFilterValues(filter), cappedSize("Query.topVenues", first));
    return withEntities(rows, (ids) => loaders.venue.loadMany(ids), (row, venue: Venue) => ({ ...row, venue, latitude: venue.latitude, longitude: venue.longitude }));
  }

  @Query(() => [VenueCount], { description: "Geocoded venues of the matching articles with their counts and coordinates, ready for a map." })
  async venueMap(
    @Arg("filter", () => ArticleFilter, { nullable: true, description: "Which articles count, e.g. a date range." }) filter: ArticleFilter | null,
    @Arg("first", () => Int, sizeArg("Query.venueMap", "How many points, most named first")) first: number,
    @Ctx() { db, loaders }: Context,
  ): Promise<VenueCount[]> {
    const rows = await topVenues(db, articleFilterValues(filter), cappedSize("Query.venueMap", first), { geocodedOnly: true });
    return withEntities(rows, (ids) => loaders.venue.loadMany(ids), (row, venue: Venue) => ({ ...row, venue, latitude: venue.latitude, longitude: venue.longitude }));
  }

  @Query(() => CoMentionNetwork, { description: "The person co-occurrence network of the matching articles: the most mentioned persons, linked by how many articles name both." })
  async coMentionNetwork(
    @Arg("filter", () => ArticleFilter, { nullable: true, description: "Which articles count, e.g. a date range." }) filter: ArticleFilter | null,
    @Arg("minWeight", () => Int, { defaultValue: 1, description: "Only edges with at least this many shared articles." }) minWeight: number,
    @Arg("maxNodes", () => Int, sizeArg("Query.coMentionNetwork", "Consider the persons in this many of the most mentioned")) maxNodes: number,
    @Ctx() { db, loaders }: Context,
  ): Promise<CoMentionNetwork> {
    const network = await coMentionNetwork(db, articleFilterValues(filter), inRange(minWeight, "minWeight", 1, 1_000_000), inRange(maxNodes, "maxNodes", 1, MAX_NETWORK_NODES));
    // The statement brought the persons along: their loader gets them too.
    const persons = new Map(network.nodes.map(({ person }) => [person.id, primed(loaders.person, personFromJson(person))]));
    return Object.assign(new CoMentionNetwork(), {
      nodes: network.nodes.map(({ person, articleCount }) => ({ person: persons.get(person.id)!, articleCount })),
      edges: network.edges.map((e) => ({ source: persons.get(e.source)!, target: persons.get(e.target)!, weight: e.weight })),
    });
  }
}
