// One check over every argument of an operation, literal or variable, before it runs: text
// (String and ID) without control characters and within a length a search, a filter or a
// name can have, and DateTime bounds within a range the database and the archive can hold.
// Done here rather than in each resolver so that no argument is forgotten: a NUL byte in any
// filter would otherwise reach PostgreSQL, which cannot store it and answers with an error,
// and a megabyte of search text would run as a search for seconds.
import type { ApolloServerPlugin } from "@apollo/server";
import {
  getNamedType, GraphQLError, isInputObjectType, isListType, isNonNullType, Kind, TypeInfo, visit, visitWithTypeInfo,
  type DocumentNode, type GraphQLInputType, type GraphQLSchema, type OperationDefinitionNode, type ValueNode,
} from "graphql";
import { EARLIEST_PUBLICATION } from "../ingest/dates.js";
import { disallowedControlCharacter, MAX_NAME_LENGTH } from "../text-rules.js";
import { ErrorCode } from "../error-codes.js";

/** Longest String argument unless listed in LENGTH_LIMITS: ample for a search or a filter. */
export const MAX_TEXT_ARGUMENT = 1_000;

/** Longest ID: ours are under 30 characters. */
export const MAX_ID_ARGUMENT = 100;

/** Arguments ("Type.field.argument") with a limit of their own. */
const LENGTH_LIMITS: Record<string, number> = {
  "Mutation.renamePerson.name": MAX_NAME_LENGTH,
};

/**
 * Input types the check leaves alone. An article to ingest has its own, larger limits, and
 * the ingest pipeline judges each one, so that one bad article of a batch fails alone.
 */
const SELF_CHECKED_INPUTS = new Set(["IngestArticleInput"]);

/**
 * Range of DateTime arguments: from the earliest publication time the ingest stores, to a far
 * future that still reads as "no upper bound". Beyond it, dates are mistakes (year 0001) or
 * more than PostgreSQL's timestamps hold.
 */
export const EARLIEST_DATE_ARGUMENT = EARLIEST_PUBLICATION;
export const LATEST_DATE_ARGUMENT = new Date(Date.UTC(9999, 11, 31, 23, 59, 59, 999));

/** How deep a variable's value is followed, whatever its type: input types do not nest deeper. */
const MAX_INPUT_DEPTH = 16;

class ArgumentProblem extends Error {
  /** The field whose argument it is, filled in on the way out. */
  field = "";
  constructor(readonly path: string, readonly problem: string) {
    super(`${path} ${problem}`);
  }
}

/** Where a variable is used as an argument, or inside one. */
interface VariableUse {
  variable: string;
  type: GraphQLInputType;
  path: string;
  field: string;
  limit: number | undefined;
}

/** What an operation's arguments need checked: its literals once, its variables on every request. */
interface OperationChecks {
  literalProblem: ArgumentProblem | null;
  variableUses: VariableUse[];
}

/** Refuses an operation with an argument no resolver should see, naming the argument (BAD_USER_INPUT, HTTP 400). */
export function argumentChecksPlugin(schema: GraphQLSchema): ApolloServerPlugin {
  // Apollo keeps one parsed document per query text: its literals are checked once.
  const checksByOperation = new WeakMap<OperationDefinitionNode, OperationChecks>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          // Without an operation Apollo has already refused the request.
          if (!operation) return;
          let checks = checksByOperation.get(operation);
          if (!checks) checksByOperation.set(operation, (checks = operationChecks(schema, document, operation)));
          try {
            if (checks.literalProblem) throw checks.literalProblem;
            const variables = request.variables ?? {};
            for (const use of checks.variableUses) {
              try {
                checkValue(variables[use.variable], use.type, use.path, use.limit, 0);
              } catch (error) {
                if (error instanceof ArgumentProblem) error.field = use.field;
                throw error;
              }
            }
          } catch (error) {
            if (!(error instanceof ArgumentProblem)) throw error;
            throw new GraphQLError(`${error.field}: ${error.path} ${error.problem}`, {
              extensions: { code: ErrorCode.BAD_USER_INPUT, argumentName: error.path, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

/** Checks the literal arguments of `operation` and its fragments, and finds where variables stand in them. */
function operationChecks(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): OperationChecks {
  const checks: OperationChecks = { literalProblem: null, variableUses: [] };
  const typeInfo = new TypeInfo(schema);
  const visitor = visitWithTypeInfo(typeInfo, {
    Argument(node) {
      const argument = typeInfo.getArgument();
      const field = typeInfo.getFieldDef();
      const parent = typeInfo.getParentType();
      // Directive arguments (@include(if:)) and unknown ones (validation reports those) are not checked.
      if (!argument || !field || !parent || typeInfo.getDirective()) return;
      const limit = LENGTH_LIMITS[`${parent.name}.${field.name}.${argument.name}`];
      collectChecks(node.value, argument.type, argument.name, { field: field.name, limit }, checks);
    },
  });
  visit(operation, visitor);
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) visit(definition, visitor);
  }
  return checks;
}

function collectChecks(node: ValueNode, type: GraphQLInputType, path: string, where: { field: string; limit: number | undefined }, checks: OperationChecks): void {
  const nullable = isNonNullType(type) ? type.ofType : type;
  switch (node.kind) {
    case Kind.VARIABLE:
      checks.variableUses.push({ variable: node.name.value, type, path, ...where });
      return;
    case Kind.LIST:
      if (!isListType(nullable)) return;
      for (const [i, item] of node.values.entries()) collectChecks(item, nullable.ofType, `${path}[${i}]`, where, checks);
      return;
    case Kind.OBJECT: {
      if (!isInputObjectType(nullable) || SELF_CHECKED_INPUTS.has(nullable.name)) return;
      const fields = nullable.getFields();
      for (const field of node.fields) {
        const def = fields[field.name.value];
        // A length limit is the argument's own, not its fields'.
        if (def) collectChecks(field.value, def.type, `${path}.${def.name}`, { ...where, limit: undefined }, checks);
      }
      return;
    }
    case Kind.STRING:
      if (checks.literalProblem) return;
      try {
        checkScalar(node.value, getNamedType(type).name, path, where.limit);
      } catch (error) {
        if (!(error instanceof ArgumentProblem)) throw error;
        error.field = where.field;
        checks.literalProblem = error;
      }
      return;
    default:
      return;
  }
}

/** A variable's value (as sent: coercion comes later), followed along its declared type. */
function checkValue(value: unknown, type: GraphQLInputType, path: string, limit: number | undefined, depth: number): void {
  if (value === null || value === undefined || depth > MAX_INPUT_DEPTH) return;
  const nullable = isNonNullType(type) ? type.ofType : type;
  if (isListType(nullable)) {
    // A single value stands for a list of one (GraphQL input coercion).
    if (!Array.isArray(value)) checkValue(value, nullable.ofType, path, limit, depth + 1);
    else for (const [i, item] of value.entries()) checkValue(item, nullable.ofType, `${path}[${i}]`, limit, depth + 1);
    return;
  }
  if (isInputObjectType(nullable)) {
    if (typeof value !== "object" || Array.isArray(value) || SELF_CHECKED_INPUTS.has(nullable.name)) return;
    for (const def of Object.values(nullable.getFields())) {
      checkValue((value as Record<string, unknown>)[def.name], def.type, `${path}.${def.name}`, undefined, depth + 1);
    }
    return;
  }
  if (typeof value === "string") checkScalar(value, nullable.name, path, limit);
}

function checkScalar(value: string, typeName: string, path: string, limit: number | undefined): void {
  if (typeName === "String" || typeName === "ID") {
    const max = limit ?? (typeName === "ID" ? MAX_ID_ARGUMENT : MAX_TEXT_ARGUMENT);
    if (value.length > max) throw new ArgumentProblem(path, `is ${value.length} characters long, over the limit of ${max}`);
    const control = disallowedControlCharacter(value);
    if (control) throw new ArgumentProblem(path, `contains a control character (${control}), which no search, name or ID holds`);
  } else if (typeName === "DateTime") {
    const time = Date.parse(value);
    // What is no date at all is the DateTime scalar's to refuse.
    if (!Number.isNaN(time) && (time < EARLIEST_DATE_ARGUMENT.getTime() || time > LATEST_DATE_ARGUMENT.getTime())) {
      throw new ArgumentProblem(path, `is ${value}, outside the range this API takes (${EARLIEST_DATE_ARGUMENT.toISOString().slice(0, 10)} to ${LATEST_DATE_ARGUMENT.toISOString().slice(0, 10)})`);
    }
  }
}
