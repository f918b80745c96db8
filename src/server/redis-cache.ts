// Apollo's key-value cache in Redis, so that automatic persisted queries registered with one
// server process are known to all of them (and a CDN's cached URL still resolves on any).
import type { ApolloServerOptions } from "@apollo/server";

export type KeyValueCache = Exclude<NonNullable<ApolloServerOptions<object>["cache"]>, "bounded">;

export interface RedisCache extends KeyValueCache {
  close(): Promise<void>;
}

/** Keys start with this unless told otherwise, so the cache can share a Redis with other data. */
export const DEFAULT_REDIS_PREFIX = "newsgraph:";

/**
 * A cache on Redis that never fails a request: with Redis away, a lookup misses and a write
 * is dropped, and clients of persisted queries send the full query again, as they do after
 * any miss.
 */
export async function openRedisCache(url: string, prefix = DEFAULT_REDIS_PREFIX): Promise<RedisCache> {
  // Loaded here, not at start: a server without REDIS_URL never needs the client.
  const { Redis } = await import("ioredis");
  // No offline queue: while Redis is away, commands fail at once instead of holding requests.
  const client = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 5_000 });
  client.on("error", () => {}); // ioredis reconnects on its own; each failed command is a miss
  try {
    await client.connect();
  } catch (error) {
    client.disconnect();
    throw new Error(`cannot connect to Redis at ${url}: ${(error as Error).message}`);
  }
  return {
    async get(key) {
      return (await client.get(prefix + key).catch(() => null)) ?? undefined;
    },
    async set(key, value, options) {
      const ttl = options?.ttl;
      await (ttl ? client.set(prefix + key, value, "EX", Math.ceil(ttl)) : client.set(prefix + key, value)).catch(() => {});
    },
    async delete(key) {
      await client.del(prefix + key).catch(() => {});
    },
    async close() {
      await client.quit().catch(() => client.disconnect());
    },
  };
}
