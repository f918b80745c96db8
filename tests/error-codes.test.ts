// src/error-codes.ts is the one list of the codes clients can act on: every code in it is
// one that the server or Apollo Server answers with, and the rest of src/ names codes
// through it, never as string literals that could drift from the list.
import fs from "node:fs";
import path from "node:path";
import { ApolloServerErrorCode } from "@apollo/server/errors";
import { describe, expect, it } from "vitest";
import { ErrorCode } from "../src/error-codes.js";
import { PROJECT_ROOT } from "./helpers/shared.js";

const SRC = path.join(PROJECT_ROOT, "src");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return entry.name.endsWith(".ts") && full !== path.join(SRC, "error-codes.ts") ? [full] : [];
  });
}

const sources = sourceFiles(SRC).map((file) => ({ file: path.relative(PROJECT_ROOT, file), text: fs.readFileSync(file, "utf8") }));
const apolloCodes = new Set<string>(Object.values(ApolloServerErrorCode));

describe("error codes", () => {
  it("are named through ErrorCode, never written out as strings", () => {
    const literals = sources.flatMap(({ file, text }) =>
      Object.values(ErrorCode).filter((code) => new RegExp(`["'\`]${code}["'\`]`).test(text)).map((code) => `${file}: "${code}"`),
    );
    expect(literals).toEqual([]);
  });

  it("lists only codes something answers with: the server's own are used in src/, the rest are Apollo's", () => {
    const unused = Object.keys(ErrorCode).filter(
      (name) => !apolloCodes.has(name) && !sources.some(({ text }) => text.includes(`ErrorCode.${name}`)),
    );
    expect(unused).toEqual([]);
  });
});
