// Events the server publishes to GraphQL subscriptions. In one process an in-memory event
// target serves; with REDIS_URL set, events go through Redis pub/sub, so a subscriber on any
// server process (or machine) hears an article ingested by any other, or by an ingest worker.
// The Redis client and event target are loaded only when REDIS_URL is set.
import { createPubSub, type PubSub } from "@graphql-yoga/subscription";
import type { Redis } from "ioredis";

export const ARTICLE_INGESTED = "ARTICLE_INGESTED";

/** Published when an article is stored new or re-extracted. */
export interface ArticleIngestedEvent {
  articleId: number;
  status: "new" | "updated";
  personIds: number[];
  venueIds: number[];
}

type Channels = { [ARTICLE_INGESTED]: [ArticleIngestedEvent] };
export type NewsgraphPubSub = PubSub<Channels>;

export interface Events {
  pubSub: NewsgraphPubSub;
  /** "in-process" or "redis HOST:PORT", for logs and /health. */
  label: string;
  close(): Promise<void>;
}

/** The in-process events of a single server (the default, and what tests use). */
export function inProcessEvents(): Events {
  return { pubSub: createPubSub<Channels>(), label: "in-process", close: async () => {} };
}

/** Events shared through Redis pub/sub; fails with a clear message when Redis is unreachable. */
export async function redisEvents(url: string): Promise<Events> {
  const [{ Redis }, { createRedisEventTarget }] = await Promise.all([import("ioredis"), import("@graphql-yoga/redis-event-target")]);
  const connect = async () => {
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3, connectTimeout: 5_000 });
    // ioredis reconnects on its own after a drop; log-free here, the health check reports it.
    client.on("error", () => {});
    try {
      await client.connect();
    } catch (error) {
      client.disconnect();
      throw error;
    }
    return client;
  };
  let publishClient: Redis | undefined;
  let subscribeClient: Redis | undefined;
  try {
    publishClient = await connect();
    subscribeClient = await connect();
  } catch (error) {
    publishClient?.disconnect();
    throw new Error(`cannot connect to Redis at ${url}: ${(error as Error).message}`);
  }
  const eventTarget = createRedisEventTarget<CustomEvent>({ publishClient, subscribeClient });
  const { host, port } = new URL(url);
  return {
    pubSub: createPubSub<Channels>({ eventTarget }),
    label: `redis ${host}:${port || 6379}`,
    close: async () => {
      await Promise.allSettled([publishClient!.quit(), subscribeClient!.quit()]);
    },
  };
}

export function openEvents(redisUrl: string | undefined): Promise<Events> {
  return redisUrl ? redisEvents(redisUrl) : Promise.resolve(inProcessEvents());
}
