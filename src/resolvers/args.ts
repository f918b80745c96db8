import { fromGlobalId, type NodeTypeName } from "../models/global-id.js";
import { badInput } from "./errors.js";

/** The database key behind a global ID of the expected type, or a clear error. */
export function dbIdOf(globalId: string, type: NodeTypeName, argumentName = "id"): number {
  const decoded = fromGlobalId(globalId);
  if (!decoded || decoded.type !== type) throw badInput(`${argumentName} "${globalId}" is not a ${type} ID`, argumentName);
  return decoded.id;
}
