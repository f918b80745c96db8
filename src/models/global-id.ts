// Opaque global IDs ("Article:12" in base64url), so clients can refetch any object with node(id).
export type NodeTypeName = "Article" | "Person" | "Quote" | "Venue" | "Comment";
const TYPE_NAMES: readonly NodeTypeName[] = ["Article", "Person", "Quote", "Venue", "Comment"];

export function toGlobalId(type: NodeTypeName, id: number): string {
  return Buffer.from(`${type}:${id}`).toString("base64url");
}

/** Decodes a global ID; returns null for anything that is not one of ours. */
export function fromGlobalId(globalId: string): { type: NodeTypeName; id: number } | null {
  const decoded = Buffer.from(globalId, "base64url").toString("utf8");
  const match = /^([A-Za-z]+):(\d{1,10})$/.exec(decoded);
  if (!match || !TYPE_NAMES.includes(match[1] as NodeTypeName)) return null;
  return { type: match[1] as NodeTypeName, id: Number(match[2]) };
}
