import { describe, expect, it } from "vitest";
import { bumpVersion, compareVersions, latestVersion, sortVersions } from "@/lib/blueprints/versions";
import { draftFrom, editBlocker, nextVersion, openDraft } from "@/lib/blueprints/lifecycle";

describe("semantic versions", () => {
  it("sorts 0.0.10 after 0.0.9 and 1.0.0 after both", () => {
    expect(sortVersions(["0.0.10", "1.0.0", "0.0.9", "0.0.1", "0.1.0"], (v) => v)).toEqual(["0.0.1", "0.0.9", "0.0.10", "0.1.0", "1.0.0"]);
    expect(latestVersion(["0.0.9", "0.0.10"])).toBe("0.0.10");
    expect(compareVersions("0.0.10", "0.0.9")).toBeGreaterThan(0);
  });

  it("sorts a version that is not semver before every valid one", () => {
    expect(sortVersions(["0.0.2", "v-old", "0.0.1"], (v) => v)).toEqual(["v-old", "0.0.1", "0.0.2"]);
  });

  it("bumps major, minor and patch", () => {
    expect(bumpVersion("0.0.9", "patch")).toBe("0.0.10");
    expect(bumpVersion("0.0.9", "minor")).toBe("0.1.0");
    expect(bumpVersion("1.2.3", "major")).toBe("2.0.0");
    expect(bumpVersion(undefined, "patch")).toBe("0.0.1");
    expect(bumpVersion("not-semver", "minor")).toBe("0.1.0");
  });
});

describe("draft and final", () => {
  it("lets a draft change and refuses a final one", () => {
    expect(editBlocker("draft")).toBeUndefined();
    expect(editBlocker("final")).toMatch(/cannot change/);
  });

  it("numbers a new draft after the newest version, whichever it starts from", () => {
    const versions = [
      { version: "0.0.9", status: "final" as const },
      { version: "0.0.10", status: "final" as const },
      { version: "0.0.2", status: "final" as const },
    ];
    expect(nextVersion(versions, "patch")).toBe("0.0.11");
    expect(nextVersion(versions, "minor")).toBe("0.1.0");
    expect(openDraft(versions)).toBeUndefined();
    expect(openDraft([...versions, { version: "0.0.11", status: "draft" }])?.version).toBe("0.0.11");
  });

  it("starts a draft from a version, keeping its irn", () => {
    const base = { irn: "irn:blueprint:a:b", version: "0.0.1", status: "final", label: "B", fields: [] };
    expect(draftFrom(base, "0.1.0", { label: "New", irn: "irn:blueprint:other:x" })).toEqual({
      irn: "irn:blueprint:a:b",
      version: "0.1.0",
      status: "draft",
      label: "New",
      fields: [],
    });
  });
});
