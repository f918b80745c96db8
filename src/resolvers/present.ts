/** Drops the misses (null or Error) of a DataLoader.loadMany answer. */
export function present<T>(items: (T | null | Error)[]): T[] {
  return items.filter((item): item is T => item != null && !(item instanceof Error));
}

/** A parent that a foreign key guarantees; its absence is a bug, not a client error. */
export function required<T>(item: T | null, what: string): T {
  if (item == null) throw new Error(`${what} is missing`);
  return item;
}
