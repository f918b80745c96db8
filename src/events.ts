// Events the server publishes to GraphQL subscriptions. The in-process pub/sub serves one
// server process; scale-out replaces its event target with a shared one (Redis).
import { createPubSub, type PubSub } from "@graphql-yoga/subscription";

export const ARTICLE_INGESTED = "ARTICLE_INGESTED";

/** Published when an article is stored new or re-extracted. */
export interface ArticleIngestedEvent {
  articleId: number;
  status: "new" | "updated";
  personIds: number[];
  venueIds: number[];
}

export type NewsgraphPubSub = PubSub<{ [ARTICLE_INGESTED]: [ArticleIngestedEvent] }>;

export const pubSub: NewsgraphPubSub = createPubSub<{ [ARTICLE_INGESTED]: [ArticleIngestedEvent] }>();
