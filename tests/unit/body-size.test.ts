/** The request-body limit (server/src/guards/body-size.ts) as a client meets it, on a bare yoga server. */
import { createSchema, createYoga } from "graphql-yoga";
import { describe, expect, it } from "vitest";
import { bodySizePlugin } from "../../server/src/guards/body-size.js";

const LIMIT = 1_000;
const yoga = createYoga({
  schema: createSchema({ typeDefs: "type Query { hello: String }", resolvers: { Query: { hello: () => "hi" } } }),
  maxRequestBodySize: false,
  plugins: [bodySizePlugin(LIMIT)],
  logging: false,
});

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  yoga.fetch("http://localhost/graphql", { method: "POST", headers: { "content-type": "application/json", ...headers }, body, duplex: "half" } as RequestInit);

function stream(parts: string[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const part of parts) controller.enqueue(new TextEncoder().encode(part));
      controller.close();
    },
  });
}

describe("the request-body limit", () => {
  it("answers a body under the limit, with or without a Content-Length", async () => {
    const body = JSON.stringify({ query: "{ hello }" });
    expect(await (await post(body, { "content-length": String(body.length) })).json()).toEqual({ data: { hello: "hi" } });
    expect(await (await post(stream([body]))).json()).toEqual({ data: { hello: "hi" } });
  });

  it("refuses a Content-Length over the limit with 413 REQUEST_ENTITY_TOO_LARGE", async () => {
    const body = JSON.stringify({ query: `{ hello } ${"#".repeat(LIMIT)}` });
    const res = await post(body, { "content-length": String(body.length) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe("REQUEST_ENTITY_TOO_LARGE");
  });

  it("counts a body without a Content-Length as it arrives, and refuses it past the limit", async () => {
    const res = await post(stream([" ".repeat(LIMIT / 2), " ".repeat(LIMIT / 2), JSON.stringify({ query: "{ hello }" })]));
    expect(res.status).toBe(413);
  });

  it("refuses a Content-Length that is not one non-negative integer with 400", async () => {
    const body = JSON.stringify({ query: "{ hello }" });
    const res = await post(body, { "content-length": `${body.length}, ${body.length}` });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { message: string }[] }).errors[0]?.message).toMatch(/Content-Length/);
  });
});
