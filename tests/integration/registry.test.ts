import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { homeClients } from "@/lib/aws/clients";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/http/errors";
import { getEnvironment, listEnvironments } from "@/lib/environments/read";
import { toView } from "@/lib/environments/record";
import { environmentCreateSchema, environmentUpdateSchema } from "@/lib/environments/schema";
import { testConnection } from "@/lib/environments/test-connection";
import { createEnvironment, removeEnvironment, updateEnvironment } from "@/lib/environments/write";
import { registryTableName } from "@/lib/registry/table";
import { withEmulator } from "../support/emulator";

withEmulator();

const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const create = (name: string, extra: object = {}) =>
  createEnvironment(environmentCreateSchema.parse({ name, region: "us-east-1", credentials: { type: "default" }, ...extra }), "tester@example.com");

describe("environment registry (against the emulator)", () => {
  it("creates the table on first use and lists environments by name", async () => {
    await create("alpha");
    await create("bravo");
    expect((await listEnvironments()).map((e) => e.name)).toEqual(["alpha", "bravo"]);
  });

  it("refuses a duplicate name with 409 naming the field", async () => {
    await expect(create("alpha")).rejects.toMatchObject({ status: 409, fieldErrors: { name: [expect.stringContaining("already exists")] } });
  });

  it("stores a secret key sealed and shows only the key id's last four", async () => {
    const record = await create("keyed", { credentials: { type: "keys", accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: SECRET } });
    const raw = await homeClients().documents.send(new GetCommand({ TableName: registryTableName(), Key: { pk: "ENV", sk: "keyed" } }));
    expect(JSON.stringify(raw.Item)).not.toContain(SECRET);
    const view = toView(record);
    expect(view.credentials).toEqual({ type: "keys", accessKeyIdLast4: "MPLE", hasSecret: true });
    expect(JSON.stringify(view)).not.toContain("AKIAIOSFODNN7EXAMPLE");
  });

  it("keeps the secret when an edit leaves credentials unchanged, and connects with it", async () => {
    const current = await getEnvironment("keyed");
    const updated = await updateEnvironment(
      "keyed",
      environmentUpdateSchema.parse({ region: "us-east-1", credentials: { type: "unchanged" }, version: current.version, description: "edited" }),
      "other@example.com",
    );
    expect(updated.version).toBe(current.version + 1);
    expect(updated.credentials).toEqual(current.credentials);
    const result = await testConnection(updated);
    expect(result).toMatchObject({ ok: true, accountId: "123456789012", error: null });
  });

  it("answers 409 to a stale edit and lets exactly one of two concurrent edits win", async () => {
    const v1 = await getEnvironment("bravo");
    const edit = (description: string) =>
      updateEnvironment("bravo", environmentUpdateSchema.parse({ region: "us-east-1", credentials: { type: "default" }, version: v1.version, description }), "x@example.com");
    const results = await Promise.allSettled([edit("first"), edit("second")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect(rejected?.status === "rejected" && rejected.reason).toBeInstanceOf(ConflictError);
    await expect(edit("third")).rejects.toBeInstanceOf(ConflictError);
    expect((await getEnvironment("bravo")).version).toBe(v1.version + 1);
  });

  it("refuses a new access key id without its secret", async () => {
    const current = await getEnvironment("keyed");
    await expect(
      updateEnvironment("keyed", environmentUpdateSchema.parse({ region: "us-east-1", credentials: { type: "keys", accessKeyId: "AKIAI44QH8DHBEXAMPLE" }, version: current.version }), "x@example.com"),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it("removes only at the expected version, then 404s", async () => {
    const current = await getEnvironment("alpha");
    await expect(removeEnvironment("alpha", current.version + 5)).rejects.toBeInstanceOf(ConflictError);
    await removeEnvironment("alpha", current.version);
    await expect(getEnvironment("alpha")).rejects.toBeInstanceOf(NotFoundError);
    await expect(removeEnvironment("alpha")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("reports an unreachable endpoint as a clear failed connection, not a crash", async () => {
    const record = await create("nowhere", { endpoint: "http://127.0.0.1:9" });
    const result = await testConnection(record);
    expect(result.ok).toBe(false);
    // One generic answer, whatever happened at the connection level (refused here).
    expect(result.error).toEqual({ code: "unreachable", message: "Could not reach the endpoint." });
    // An open port that is not AWS answers exactly the same, so the check cannot map ports.
    const server = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end("<h1>intranet</h1>"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const somethingElse = await create("not-aws", { endpoint: `http://127.0.0.1:${port}/` });
      expect((await testConnection(somethingElse)).error).toEqual(result.error);
    } finally {
      server.close();
    }
  });
});
