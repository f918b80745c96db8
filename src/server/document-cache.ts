// Apollo keeps each parsed and validated query document so that its next request skips
// both steps. Its default store is an LRU of "30 MiB", but measured as the document's JSON,
// which leaves out the source locations and tokens graphql-js keeps with every node: in the
// heap a document takes several times its JSON (docs/operations.md has the figures), so a
// stream of distinct queries held several times the stated size. This store counts an
// estimate of the heap a document takes instead, so that its size is the memory it holds.
import type { ApolloServerOptions } from "@apollo/server";
import type { DocumentNode } from "graphql";
import { LRUCache } from "lru-cache";

type DocumentStore = NonNullable<ApolloServerOptions<object>["documentStore"]>;

/**
 * Heap the parsed documents may take, in bytes. A client application sends a few dozen
 * distinct documents; this holds thousands of typical ones.
 */
export const DOCUMENT_CACHE_BYTES = 32 * 2 ** 20;

/**
 * Heap bytes per byte of a document's JSON: above the ratio measured on small and large
 * documents, with and without fragments (the test checks it stays above).
 */
export const HEAP_PER_JSON_BYTE = 5;

/** What a parsed document is taken to hold in the heap, in bytes. */
export function documentHeapEstimate(document: DocumentNode): number {
  return HEAP_PER_JSON_BYTE * Buffer.byteLength(JSON.stringify(document), "utf8");
}

/** Apollo's document store: an LRU bounded by the estimated heap of its documents. */
export class DocumentCache implements DocumentStore {
  private readonly lru: LRUCache<string, DocumentNode>;

  constructor(maxBytes = DOCUMENT_CACHE_BYTES) {
    // A document over the whole budget is not kept (lru-cache refuses it): it is parsed again.
    this.lru = new LRUCache<string, DocumentNode>({ maxSize: maxBytes, sizeCalculation: documentHeapEstimate });
  }

  async get(key: string): Promise<DocumentNode | undefined> {
    return this.lru.get(key);
  }

  async set(key: string, value: DocumentNode): Promise<void> {
    this.lru.set(key, value);
  }

  async delete(key: string): Promise<boolean> {
    return this.lru.delete(key);
  }

  /** Documents kept and their estimated heap, in bytes. */
  get stats(): { documents: number; bytes: number } {
    return { documents: this.lru.size, bytes: this.lru.calculatedSize };
  }
}
