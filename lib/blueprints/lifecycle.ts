import type { JsonObject } from "@/lib/blueprints/json-text";
import { bumpVersion, compareVersions, type Bump } from "@/lib/blueprints/versions";

/**
 * Draft and final: a draft may be edited, published or deleted; a final
 * version never changes again. Editing a final version starts a new draft
 * whose version is the newest version of the blueprint bumped as the operator
 * chooses. At most one draft per blueprint is open at a time, so two people
 * do not grow two diverging next versions. Pure.
 */
export type Status = "draft" | "final";

export type VersionSummary = { version: string; status: Status };

export function statusOf(document: JsonObject): Status {
  return document.status === "draft" ? "draft" : "final";
}

/** Why a version cannot be edited, or undefined when it can. */
export function editBlocker(status: Status): string | undefined {
  return status === "final" ? "A final version cannot change. Start a new version from it instead." : undefined;
}

export function openDraft(versions: readonly VersionSummary[]): VersionSummary | undefined {
  return versions.find((v) => v.status === "draft");
}

/** The version number a new draft gets: the newest existing version, bumped. */
export function nextVersion(versions: readonly VersionSummary[], bump: Bump): string {
  const newest = [...versions].sort((a, b) => compareVersions(a.version, b.version)).at(-1);
  return bumpVersion(newest?.version, bump);
}

/**
 * The new draft's document: the base version's content with the new version
 * number and draft status; the fields may be replaced by the editor's.
 */
export function draftFrom(base: JsonObject, version: string, changes: JsonObject = {}): JsonObject {
  const draft: JsonObject = { ...base, ...changes, version, status: "draft" };
  // The irn names the blueprint; a new version cannot move to another one.
  if (base.irn !== undefined) draft.irn = base.irn;
  return draft;
}
