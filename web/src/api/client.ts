/** The one place the explorer talks to the server: a POST to /graphql. */
import type { TypedDocumentString } from "./generated.js";
import type { Problem } from "./problem.js";

export type ApiErrorKind = "unreachable" | "database" | "query";

/** A failed request, told apart by what the user can do about it. */
export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly code?: string,
    /** The argument a BAD_USER_INPUT error is about, when the server names it. */
    readonly argument?: string,
    /** Which problem it is, to say it in the reader's language (api/problem.ts). */
    readonly problem?: Problem,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; argument?: string; problem?: string; params?: Problem["params"] } }[];
}

/** Same origin as the page: the server serves the explorer and the API on one port. */
const ENDPOINT = "/graphql";

/** Sends a generated document: its variables and result are typed from schema.graphql. */
export function request<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables, signal?: AbortSignal): Promise<TResult>;
/** Sends a document built at run time (aliased batches, per-kind fragments): the caller names its result type. */
export function request<TResult>(document: string, variables: Record<string, unknown>, signal?: AbortSignal): Promise<TResult>;
export async function request<T>(document: string | TypedDocumentString<T, unknown>, variables: unknown, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(ENDPOINT, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json" },
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError("unreachable", "The Atlas server cannot be reached.");
  }
  if (response.status >= 502 && response.status <= 504) {
    throw new ApiError("unreachable", `The Atlas server answered ${response.status}.`);
  }
  let body: GraphQLResponse<T>;
  try {
    body = (await response.json()) as GraphQLResponse<T>;
  } catch {
    throw new ApiError("unreachable", `The Atlas server sent an unreadable answer (HTTP ${response.status}).`);
  }
  const first = body.errors?.[0];
  if (first) {
    const { code, argument, problem, params } = first.extensions ?? {};
    if (code === "DATABASE_UNAVAILABLE") throw new ApiError("database", first.message, code);
    throw new ApiError("query", first.message, code, argument, problem ? { code: problem, params: params ?? {} } : undefined);
  }
  if (!body.data) throw new ApiError("query", `The Atlas server sent no data (HTTP ${response.status}).`);
  return body.data;
}
