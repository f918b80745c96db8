import { ArgsType, Field, Int } from "type-graphql";
import { fromGlobalId, type NodeTypeName } from "../models/global-id.js";
import { badInput } from "./errors.js";

export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: `How many to return, at most ${MAX_PAGE_SIZE}.` })
  first: number = 20;

  @Field(() => Int, { defaultValue: 0, description: "How many to skip." })
  offset: number = 0;
}

/** Validates page arguments before any database work. */
export function page({ first, offset }: PageArgs): { take: number; skip: number } {
  if (first < 0 || first > MAX_PAGE_SIZE) throw badInput(`first must be between 0 and ${MAX_PAGE_SIZE}, got ${first}`, "first");
  if (offset < 0) throw badInput(`offset must not be negative, got ${offset}`, "offset");
  return { take: first, skip: offset };
}

/** The database key behind a global ID of the expected type, or a clear error. */
export function dbIdOf(globalId: string, type: NodeTypeName, argumentName = "id"): number {
  const decoded = fromGlobalId(globalId);
  if (!decoded || decoded.type !== type) throw badInput(`${argumentName} "${globalId}" is not a ${type} ID`, argumentName);
  return decoded.id;
}
