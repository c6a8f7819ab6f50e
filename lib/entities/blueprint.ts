import "server-only";
import sysEntities from "@/blueprints/sys-entities.json";
import { queryVersions } from "@/lib/blueprints/store-read";
import { parseBlueprint, type Blueprint } from "@/lib/blueprints/types";
import type { EnvironmentRecord } from "@/lib/environments/record";
import { log } from "@/lib/log/logger";

/**
 * The blueprint an entity page renders: the environment's own
 * `irn:blueprint:sys:entities` in `<env>_blueprints` (its latest final
 * version: a draft is not in force yet), and the bundled copy of the setup
 * document's version only when the environment has none (or it cannot be
 * read). The page says which one it shows.
 */
export const ENTITIES_BLUEPRINT_IRN = "irn:blueprint:sys:entities";

export type EntityBlueprintSource = { kind: "environment"; version: string } | { kind: "bundled"; reason: "none" | "unreadable" | "invalid" };
export type EntityBlueprint = { blueprint: Blueprint; source: EntityBlueprintSource };

export function bundledEntityBlueprint(reason: "none" | "unreadable" | "invalid"): EntityBlueprint | undefined {
  const parsed = parseBlueprint(sysEntities);
  return parsed.success ? { blueprint: parsed.data, source: { kind: "bundled", reason } } : undefined;
}

export async function entityBlueprint(env: EnvironmentRecord): Promise<EntityBlueprint | undefined> {
  let versions;
  try {
    versions = await queryVersions(env, ENTITIES_BLUEPRINT_IRN);
  } catch (err) {
    log.warn("entities blueprint unreadable", { env: env.name, code: (err as { name?: string }).name });
    return bundledEntityBlueprint("unreadable");
  }
  // Oldest first: the last final one is in force.
  const latestFinal = versions.filter((v) => v.status === "final").at(-1);
  if (!latestFinal) return bundledEntityBlueprint("none");
  const parsed = parseBlueprint(latestFinal.document);
  if (!parsed.success) return bundledEntityBlueprint("invalid");
  return { blueprint: parsed.data, source: { kind: "environment", version: latestFinal.version } };
}
