// Relay cursor pagination arguments, checked before any database work and turned into a
// window over the filtered, ordered list. A cursor is the item's 1-based position in that
// list, made opaque; it stays meaningful for the same filter and order.
import { ArgsType, Field, Int } from "type-graphql";
import type { PageWindow } from "../db/page-window.js";
import { badInput, inRange } from "./errors.js";

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `Returns the first n items (at most ${MAX_PAGE_SIZE}) after \`after\`. Defaults to ${DEFAULT_PAGE_SIZE} when neither first nor last is given.` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Returns items after this cursor." })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `Returns the last n items (at most ${MAX_PAGE_SIZE}) before \`before\`.` })
  last?: number | null;

  @Field(() => String, { nullable: true, description: "Returns items before this cursor." })
  before?: string | null;
}

const CURSOR_PREFIX = "pos:";

export function cursorAt(position: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${position}`).toString("base64url");
}

function positionOf(cursor: string, argumentName: string): number {
  const decoded = Buffer.from(cursor, "base64url").toString("utf8");
  const match = new RegExp(`^${CURSOR_PREFIX}(\\d{1,9})$`).exec(decoded);
  if (!match) throw badInput(`${argumentName} "${cursor}" is not a cursor from this API`, argumentName);
  return Number(match[1]);
}

function pageSize(value: number | null | undefined, argumentName: string): number | null {
  return value == null ? null : inRange(value, argumentName, 0, MAX_PAGE_SIZE);
}

/** Validates connection arguments and returns the window they ask for. */
export function pageWindow(args: ConnectionArgs): PageWindow {
  const first = pageSize(args.first, "first");
  const last = pageSize(args.last, "last");
  if (first != null && last != null) throw badInput("give first or last, not both", "last");
  const after = args.after ? positionOf(args.after, "after") : 0;
  const before = args.before ? positionOf(args.before, "before") : null;
  return { after, before, first: first == null && last == null ? DEFAULT_PAGE_SIZE : first, last };
}

@ArgsType()
export class ListArgs {
  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `How many to return, at most ${MAX_PAGE_SIZE}.` })
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => Int, { defaultValue: 0, description: "How many to skip." })
  offset: number = 0;
}

/** Validates plain-list arguments before any database work. */
export function listSlice({ first, offset }: ListArgs): { offset: number; limit: number } {
  const limit = pageSize(first, "first")!;
  if (offset < 0) throw badInput(`offset must not be negative, got ${offset}`, "offset");
  return { offset, limit };
}
