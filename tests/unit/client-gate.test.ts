/** A request's gate when its client has gone: its own work is skipped, work others share is not. */
import { describe, expect, it } from "vitest";
import { ClientGates } from "../../server/src/guards/client-gate.js";

describe("a request whose client has gone", () => {
  it("runs none of its own work, but still runs what other requests share", async () => {
    const reader = new AbortController();
    const gate = new ClientGates().forRequest("203.0.113.7", reader.signal);
    const ran: string[] = [];
    await gate.run(async () => ran.push("before"));
    reader.abort();
    await expect(gate.run(async () => ran.push("own"))).rejects.toMatchObject({ extensions: { code: "CLIENT_GONE" } });
    expect(() => gate.stillWanted()).toThrow(/abandoned/);
    await gate.run(async () => ran.push("shared"), { evenIfGone: true });
    expect(ran).toEqual(["before", "shared"]);
  });
});
