// Writes that add, re-extract and remove articles, and the subscription that announces them.
import { Arg, Authorized, Ctx, ID, Mutation, Resolver, Root, Subscription, type SubscriptionHandlerData } from "type-graphql";
import { ARTICLE_INGESTED, type ArticleIngestedEvent } from "../events.js";
import { deleteArticle } from "../db/article-edits.js";
import type { IngestOutcome } from "../ingest/outcomes.js";
import { IngestError } from "../ingest/types.js";
import { Article } from "../models/Article.js";
import { toGlobalId } from "../models/global-id.js";
import { DeleteArticleResult, IngestResult, type IngestStatus } from "../models/ingest-results.js";
import { dbIdOf } from "./args.js";
import type { Context } from "./context.js";
import { badInput, notFound, storeFailure } from "./errors.js";
import { IngestArticleInput } from "./inputs/IngestArticleInput.js";
import { createLoaders } from "./loaders.js";
import { WRITE } from "./roles.js";

export const MAX_BATCH = 100;

/**
 * The extractor (HTML and date parsers, gazetteer, name tagger), loaded by the first write
 * that needs it: a server that only answers queries never holds it in memory.
 */
const importPipeline = () => Promise.all([import("../ingest/pipeline.js"), import("../ingest/read.js")]).then(([pipeline, read]) => ({ ...pipeline, ...read }));
type Pipeline = Awaited<ReturnType<typeof importPipeline>>;
let pipeline: Promise<Pipeline> | undefined;
const loadPipeline = () => (pipeline ??= importPipeline());

/** Reads one mutation input as a document, or explains what is wrong with it. */
function documentOf({ readInput }: Pipeline, input: IngestArticleInput, where: string) {
  const given = [input.text != null ? "text" : null, input.html != null ? "html" : null].filter(Boolean);
  if (given.length !== 1) throw new IngestError(where, `give exactly one of text and html (got ${given.length ? given.join(" and ") : "neither"})`);
  const [doc] = readInput(where, (input.text ?? input.html)!, {
    format: input.text != null ? "text" : "html",
    url: input.url ? String(input.url) : undefined,
    source: input.source ?? undefined,
    title: input.title ?? undefined,
    publishedAt: input.publishedAt ?? undefined,
  });
  return doc!;
}

@Resolver()
export class IngestResolver {
  /** Turns an ingest outcome into the mutation's answer, announcing stored articles. */
  private async answer(outcome: IngestOutcome, index: number, { loaders, pubSub }: Context): Promise<IngestResult> {
    if (outcome.status === "new" || outcome.status === "updated") {
      const event: ArticleIngestedEvent = { articleId: outcome.articleId!, status: outcome.status, personIds: outcome.personIds ?? [], venueIds: outcome.venueIds ?? [] };
      pubSub.publish(ARTICLE_INGESTED, event);
    }
    return Object.assign(new IngestResult(), {
      index,
      status: outcome.status.toUpperCase() as IngestStatus,
      article: outcome.articleId != null ? await loaders.article.load(outcome.articleId) : null,
      error: outcome.error ?? null,
      notes: outcome.notes,
    });
  }

  /** Ingests one input; a failure is an outcome, with `cause` set when it is not the input's fault. */
  private async outcomeOf(input: IngestArticleInput, where: string, context: Context): Promise<IngestOutcome> {
    const ingest = await loadPipeline();
    try {
      return await ingest.ingestDocument(context.db.prisma, documentOf(ingest, input, where));
    } catch (error) {
      if (!(error instanceof IngestError)) throw error;
      return ingest.unreadableInput(where, error);
    }
  }

  @Authorized(WRITE)
  @Mutation(() => IngestResult, { description: "Ingests one article from its text or HTML: extracts persons, quotes, venues and comments and stores them in one transaction. The same content is never stored twice. Needs the API key." })
  async ingestArticle(@Arg("input", () => IngestArticleInput, { description: "The article." }) input: IngestArticleInput, @Ctx() context: Context): Promise<IngestResult> {
    const outcome = await this.outcomeOf(input, "input", context);
    // Not the input's fault (the database, a bug): the error formatter answers it by kind
    // (SERVICE_UNAVAILABLE, TIMEOUT, or INTERNAL_SERVER_ERROR with an id), not as bad input.
    if (outcome.status === "failed" && outcome.cause !== undefined) throw outcome.cause;
    if (outcome.status === "failed") throw badInput(`the article cannot be ingested: ${outcome.error}`, "input");
    return this.answer(outcome, 0, context);
  }

  @Authorized(WRITE)
  @Mutation(() => [IngestResult], { description: `Ingests up to ${MAX_BATCH} articles, each in its own transaction: a bad one fails alone (status FAILED, with the reason) and the others are stored. Needs the API key.` })
  async ingestArticles(@Arg("inputs", () => [IngestArticleInput], { description: "The articles." }) inputs: IngestArticleInput[], @Ctx() context: Context): Promise<IngestResult[]> {
    if (inputs.length > MAX_BATCH) throw badInput(`a batch holds at most ${MAX_BATCH} articles, got ${inputs.length}`, "inputs");
    const { yieldToEventLoop } = await loadPipeline();
    const results: IngestResult[] = [];
    for (const [index, input] of inputs.entries()) {
      let outcome = await this.outcomeOf(input, `inputs[${index}]`, context);
      // The database's own words are logged; the item's error says what kind of failure it was.
      if (outcome.status === "failed" && outcome.cause !== undefined) outcome = { ...outcome, error: storeFailure(outcome.cause, context.log) };
      results.push(await this.answer(outcome, index, context));
      await yieldToEventLoop();
    }
    return results;
  }

  @Authorized(WRITE)
  @Mutation(() => IngestResult, { description: "Re-extracts a stored article from its raw input with the current extractor, in place. Needs the API key." })
  async reprocessArticle(@Arg("id", () => ID, { description: "The article." }) id: string, @Ctx() context: Context): Promise<IngestResult> {
    const { reprocessArticles } = await loadPipeline();
    const [outcome] = await reprocessArticles(context.db.prisma, { ids: [dbIdOf(id, "Article")] });
    if (!outcome) throw notFound(`no article with id "${id}"`);
    if (outcome.status === "failed" && outcome.cause !== undefined) throw outcome.cause;
    context.loaders.article.clearAll();
    return this.answer(outcome, 0, context);
  }

  @Authorized(WRITE)
  @Mutation(() => DeleteArticleResult, { description: "Deletes an article with its quotes, mentions and comments; persons and venues no other article names go with it. Needs the API key." })
  async deleteArticle(@Arg("id", () => ID, { description: "The article." }) id: string, @Ctx() { db }: Context): Promise<DeleteArticleResult> {
    const deleted = await deleteArticle(db.prisma, dbIdOf(id, "Article"));
    if (!deleted) throw notFound(`no article with id "${id}"`);
    return Object.assign(new DeleteArticleResult(), { deletedId: toGlobalId("Article", deleted.articleId), orphansRemoved: deleted.orphansRemoved });
  }

  @Subscription(() => Article, {
    topics: ARTICLE_INGESTED,
    description: "Announces every article stored new or re-extracted, optionally only those that mention a person or name a venue.",
    filter: ({ payload, args }: SubscriptionHandlerData<ArticleIngestedEvent, { person?: string | null; venue?: string | null }>) =>
      (!args.person || payload.personIds.includes(dbIdOf(args.person, "Person", "person"))) &&
      (!args.venue || payload.venueIds.includes(dbIdOf(args.venue, "Venue", "venue"))),
  })
  async articleIngested(
    @Root() event: ArticleIngestedEvent,
    @Arg("person", () => ID, { nullable: true, description: "Only articles that mention this person." }) _person: string | null,
    @Arg("venue", () => ID, { nullable: true, description: "Only articles that name this venue." }) _venue: string | null,
    @Ctx() context: Context,
  ): Promise<Article> {
    // A subscription keeps one context for all its events: give each event fresh loaders,
    // so a re-extracted article is not answered from an earlier event's cache.
    context.loaders = createLoaders(context.db);
    const article = await context.loaders.article.load(event.articleId);
    if (!article) throw notFound(`article ${toGlobalId("Article", event.articleId)} was deleted before it could be sent`);
    return article;
  }
}
