import "server-only";
import { findLatestByName, getVersion, queryVersions } from "@/lib/blueprints/store-read";
import type { BlueprintRecord } from "@/lib/blueprints/record";
import type { EnvironmentRecord } from "@/lib/environments/record";
import { NotFoundError } from "@/lib/http/errors";

export type { BlueprintRecord };

/**
 * Which blueprint version a document is validated with. Documents name their
 * blueprint by `name` (as doc_index and `source` do). A new document uses the
 * newest final version (a draft is still being designed), or the newest draft
 * when the blueprint has no final version yet.
 */
export async function blueprintForNewDocuments(env: EnvironmentRecord, name: string): Promise<BlueprintRecord> {
  const latest = await findLatestByName(env, name);
  if (!latest) throw new NotFoundError(`${env.name} has no blueprint named ${name}.`);
  if (latest.status === "final") return latest;
  const finals = (await queryVersions(env, latest.irn)).filter((r) => r.status === "final");
  return finals.at(-1) ?? latest;
}

/** The version a stored document names; if that version is gone, the one new documents use. */
export async function blueprintOfDocument(env: EnvironmentRecord, name: string, irn: string, version: string): Promise<BlueprintRecord> {
  if (irn && version) {
    try {
      return await getVersion(env, irn, version);
    } catch (err) {
      if (!(err instanceof NotFoundError)) throw err;
    }
  }
  return blueprintForNewDocuments(env, name);
}
