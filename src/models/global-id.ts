// Opaque global IDs ("Article:12" in base64url), so clients can refetch any object with node(id).
export type NodeTypeName = "Article" | "Person" | "Quote" | "Venue" | "Comment" | "Organization";
const TYPE_NAMES: readonly NodeTypeName[] = ["Article", "Person", "Quote", "Venue", "Comment", "Organization"];

export function toGlobalId(type: NodeTypeName, id: number): string {
  return Buffer.from(`${type}:${id}`).toString("base64url");
}

/** The largest key the database's int4 columns hold: a larger one can name nothing. */
const MAX_DB_ID = 2_147_483_647;

/**
 * Decodes a global ID; returns null for anything that is not one of ours: another type name,
 * a key that is not a whole number from 1 in its canonical digits, or one over MAX_DB_ID.
 */
export function fromGlobalId(globalId: string): { type: NodeTypeName; id: number } | null {
  const decoded = Buffer.from(globalId, "base64url").toString("utf8");
  const match = /^([A-Za-z]+):([1-9]\d{0,9})$/.exec(decoded);
  if (!match || !TYPE_NAMES.includes(match[1] as NodeTypeName)) return null;
  const id = Number(match[2]);
  return id <= MAX_DB_ID ? { type: match[1] as NodeTypeName, id } : null;
}
