import { describe, expect, it } from "vitest";
import { StaleDocumentError } from "@/lib/documents/errors";
import type { DocumentView } from "@/lib/documents/schema";
import { errorResponse } from "@/lib/http/respond";

const current: DocumentView = {
  id: "d1", portfolio: "sys", blueprint: "schd_jobs", blueprintIrn: "irn:blueprint:irma:schd_jobs", blueprintVersion: "0.0.1",
  path: "", revision: 4, createdAt: "2025-01-01T00:00:00.000Z", createdBy: "a@x.io", updatedAt: "2025-01-02T00:00:00.000Z", updatedBy: "b@x.io",
  values: { name: "theirs" },
};

describe("stale document error", () => {
  it("answers 409 carrying the stored version", async () => {
    const response = errorResponse(new StaleDocumentError(current), "req-1");
    expect(response.status).toBe(409);
    const body = (await response.json()) as { error: { code: string; message: string; details: { current: DocumentView } } };
    expect(body.error.code).toBe("conflict");
    expect(body.error.message).toMatch(/b@x\.io.*revision 4/);
    expect(body.error.details.current).toEqual(current);
  });
});
