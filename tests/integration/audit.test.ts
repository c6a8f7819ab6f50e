import { describe, expect, it } from "vitest";
import { audited, recordAudit } from "@/lib/audit/record";
import { getAuditRecord } from "@/lib/audit/get";
import { listAudit } from "@/lib/audit/list";
import { auditQuerySchema } from "@/lib/audit/schema";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/http/errors";
import { withEmulator } from "../support/emulator";

withEmulator();

const q = (input: object) => auditQuerySchema.parse(input);

describe("audit log (against the emulator)", () => {
  it("records outcomes and lists newest first with filters and cursors", async () => {
    for (let i = 0; i < 7; i++) {
      await recordAudit({ actor: i % 2 ? "a@x.io" : "b@x.io", action: "environment.update", environment: i < 4 ? "prod" : "dev", target: `t${i}` }, "success");
    }
    await expect(
      audited({ actor: "a@x.io", action: "environment.delete", environment: "prod", target: "gone" }, async () => {
        throw new ConflictError("stale");
      }),
    ).rejects.toBeInstanceOf(ConflictError);

    const all = await listAudit(q({ limit: 100 }));
    expect(all.items).toHaveLength(8);
    expect(all.items[0]).toMatchObject({ action: "environment.delete", outcome: "failure", errorCode: "conflict" });
    const times = all.items.map((i) => i.at);
    expect([...times].sort().reverse()).toEqual(times);

    const prod = await listAudit(q({ environment: "prod", limit: 100 }));
    expect(prod.items.map((i) => i.target)).toEqual(["gone", "t3", "t2", "t1", "t0"]);

    const filtered = await listAudit(q({ environment: "prod", actor: "a@x.io", action: "environment.up", limit: 100 }));
    expect(filtered.items.map((i) => i.target)).toEqual(["t3", "t1"]);

    const failures = await listAudit(q({ outcome: "failure" }));
    expect(failures.items.map((i) => i.target)).toEqual(["gone"]);

    const page1 = await listAudit(q({ limit: 3 }));
    expect(page1.items).toHaveLength(3);
    expect(page1.nextCursor).toBeTruthy();
    const page2 = await listAudit(q({ limit: 3, cursor: page1.nextCursor ?? undefined }));
    expect(page2.items.map((i) => i.id)).toEqual(all.items.slice(3, 6).map((i) => i.id));
  });

  it("rejects a forged cursor with a 400 naming the field", async () => {
    const forged = Buffer.from(JSON.stringify({ pk: "ENV", sk: 5 })).toString("base64url");
    await expect(listAudit(q({ cursor: forged }))).rejects.toMatchObject({ status: 400, fieldErrors: { cursor: [expect.any(String)] } });
    await expect(listAudit(q({ cursor: "%%%" }))).rejects.toBeInstanceOf(ValidationError);
  });

  it("reads one record by id and time (a linked detail view), and 404s an unknown one", async () => {
    await recordAudit({ actor: "c@x.io", action: "environment.create", environment: "linked", target: "linked", requestId: "req-1" }, "success");
    const [listed] = (await listAudit(q({ environment: "linked" }))).items;
    expect(listed).toBeDefined();
    if (!listed) return;
    await expect(getAuditRecord(listed.id, listed.at)).resolves.toEqual(listed);
    await expect(getAuditRecord(listed.id, "2001-01-01T00:00:00.000Z")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("never returns an empty filtered page with a cursor, and pages a filter without gaps", async () => {
    // One rare record far behind many that do not match the filter.
    await recordAudit({ actor: "rare@x.io", action: "environment.create", environment: "qa", target: "needle" }, "success");
    for (let i = 0; i < 60; i++) await recordAudit({ actor: "busy@x.io", action: "environment.update", environment: "qa", target: `hay${i}` }, "success");
    const rare = await listAudit(q({ actor: "rare@x.io", limit: 1 }));
    expect(rare.items.map((i) => i.target)).toEqual(["needle"]);
    let cursor = rare.nextCursor;
    while (cursor) {
      const next = await listAudit(q({ actor: "rare@x.io", limit: 1, cursor }));
      expect(next.items.length, "an empty page must not carry a cursor").toBeGreaterThan(next.nextCursor ? 0 : -1);
      cursor = next.nextCursor;
    }

    const seen: string[] = [];
    let page = await listAudit(q({ actor: "busy@x.io", limit: 7 }));
    for (;;) {
      seen.push(...page.items.map((i) => i.target));
      if (!page.nextCursor) break;
      expect(page.items).toHaveLength(7);
      page = await listAudit(q({ actor: "busy@x.io", limit: 7, cursor: page.nextCursor }));
    }
    expect(seen).toEqual(Array.from({ length: 60 }, (_, i) => `hay${59 - i}`));
  });

  it("refuses a cursor made for another filter with a 400", async () => {
    const page = await listAudit(q({ actor: "busy@x.io", limit: 2 }));
    expect(page.nextCursor).toBeTruthy();
    await expect(listAudit(q({ actor: "rare@x.io", limit: 2, cursor: page.nextCursor ?? undefined }))).rejects.toMatchObject({
      status: 400,
      fieldErrors: { cursor: [expect.stringContaining("another filter")] },
    });
  });
});
