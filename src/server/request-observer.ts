// One summary per GraphQL request over HTTP (which operation, how it ended, how long it
// took), handed to whoever listens: the metrics and the request log. Computed once here so
// that both tell the same story.
import type { ApolloServerPlugin, GraphQLResponse } from "@apollo/server";
import type { GraphQLError } from "graphql";
import { ErrorCode } from "../error-codes.js";

export interface RequestSummary {
  /**
   * The operation's name, only once the document passed validation (so never a name from
   * a document the server refused); null for anonymous or refused operations.
   */
  operationName: string | null;
  /** query, mutation or subscription; "unresolved" when the request never got that far. */
  type: string;
  /** "ok", or the code of the first error (BAD_USER_INPUT, INTERNAL_SERVER_ERROR…). */
  outcome: string;
  /** null when the request failed before Apollo started timing it (context creation). */
  seconds: number | null;
  method: string;
}

export type RequestListener = (summary: RequestSummary) => void;

/** Error codes are the server's own, but a label must stay a plain word. */
const CODE = /^[A-Z][A-Z0-9_]{0,39}$/;

function outcomeOf(errors: readonly { extensions?: Record<string, unknown> }[] | undefined): string {
  if (!errors?.length) return "ok";
  const code = errors[0]!.extensions?.code;
  return typeof code === "string" && CODE.test(code) ? code : ErrorCode.INTERNAL_SERVER_ERROR;
}

function responseErrors(response: GraphQLResponse) {
  return response.body.kind === "single" ? response.body.singleResult.errors : response.body.initialResult.errors;
}

export function requestObserverPlugin(listeners: RequestListener[]): ApolloServerPlugin {
  const notify = (summary: RequestSummary) => {
    for (const listener of listeners) listener(summary);
  };
  return {
    async contextCreationDidFail({ error }) {
      // The context refuses a request that lacks a needed API key: no operation is looked at.
      notify({ operationName: null, type: "unresolved", outcome: outcomeOf([error as GraphQLError]), seconds: null, method: "" });
    },
    async requestDidStart({ request }) {
      const startedAt = performance.now();
      let operationName: string | null = null;
      let type = "unresolved";
      return {
        async didResolveOperation({ operation }) {
          if (!operation) return;
          operationName = operation.name?.value ?? null;
          type = operation.operation;
        },
        async willSendResponse({ response }) {
          notify({ operationName, type, outcome: outcomeOf(responseErrors(response)), seconds: (performance.now() - startedAt) / 1000, method: request.http?.method ?? "" });
        },
      };
    },
  };
}
