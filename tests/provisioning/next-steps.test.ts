import { describe, expect, it } from "vitest";
import { grantStatement, itemFor, nextSteps } from "@/lib/provisioning/next-steps";
import { STEP_IDS, type ChecklistRow, type StepStatus } from "@/lib/provisioning/model";

function rows(overrides: Partial<Record<string, Partial<ChecklistRow>>>, base: StepStatus = "done"): ChecklistRow[] {
  return STEP_IDS.map((id) => ({
    id, title: `Step ${id}`, status: base, summary: `summary ${id}`, details: [], diff: [], links: [], blockedBy: null, manual: null, copyText: null,
    ...overrides[id],
  }));
}

describe("nextSteps", () => {
  it("is empty when everything is done", () => {
    expect(nextSteps(rows({}), { hasSender: true })).toEqual([]);
  });

  it("takes a new environment to green: installer (folding steps 2 and 9), sender, then apply", () => {
    const fresh = rows(
      {
        "1": { status: "manual", copyText: "aws iam create-group …" },
        "2": { status: "manual", manual: "Complete step 1 first." },
        "5c": { status: "manual" },
        "7": { status: "manual", summary: "No SES sender address is set for this environment." },
        "9": { status: "manual" },
        "4b": { status: "missing" },
      },
      "missing",
    );
    const items = nextSteps(fresh, { hasSender: false });
    expect(items.map((i) => i.kind)).toEqual(["create-installer", "set-sender", "apply"]);
    expect(items[0]).toMatchObject({ also: ["2", "9"], instructions: "aws iam create-group …" });
    expect(items[2]).toMatchObject({ kind: "apply", steps: ["3", "4a", "4b", "4", "5", "5b", "6", "8"] });
  });

  it("asks to verify a sender that is set but waiting", () => {
    const items = nextSteps(rows({ "7": { status: "manual", manual: "Open the verification email" } }), { hasSender: true });
    expect(items).toEqual([{ kind: "verify-sender", step: "7", text: "Open the verification email" }]);
  });

  it("names the permission a blocked step needs, with the statement to paste", () => {
    const items = nextSteps(rows({ "5": { status: "blocked", blockedBy: "iam:GetRole" }, "3": { status: "blocked", summary: "AWS answered Throttling" } }), { hasSender: true });
    expect(items).toEqual([
      { kind: "unreadable", step: "3", title: "Step 3", text: "AWS answered Throttling" },
      { kind: "grant", step: "5", title: "Step 5", action: "iam:GetRole", statement: grantStatement("iam:GetRole") },
    ]);
    expect(JSON.parse(grantStatement("iam:GetRole"))).toEqual({ Sid: "TankTowerConsoleiamGetRole", Effect: "Allow", Action: "iam:GetRole", Resource: "*" });
  });

  it("lists drift to repair with the apply", () => {
    expect(nextSteps(rows({ "4": { status: "drifted" } }), { hasSender: true })).toEqual([{ kind: "apply", steps: ["4"] }]);
  });
});

describe("itemFor", () => {
  it("points a step at the item that settles it", () => {
    const items = nextSteps(rows({ "1": { status: "manual" }, "9": { status: "manual" }, "4": { status: "missing" }, "5c": { status: "manual" } }), { hasSender: true });
    expect(itemFor(items, "9")).toBe("fix-1");
    expect(itemFor(items, "4")).toBe("fix-apply");
    expect(itemFor(items, "5c")).toBeUndefined();
  });
});
