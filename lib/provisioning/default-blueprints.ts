/**
 * Step 8: the default blueprints every TankTower environment needs.
 *
 * The JSON files under blueprints/ are copied verbatim from the setup document,
 * quirks included (schd_jobs/schd_runs say version "0.0.1" but their uri says
 * 1.0.1, schd_runs' `_id` has 33 hex digits in its last group, entities repeats
 * order "21", and is_active/type have boolean defaults on string fields). The
 * TankTower app reads these records as they are, so "correcting" them here
 * would make our copy differ from every environment already installed.
 */
import sysEntities from "@/blueprints/sys-entities.json";
import irmaSchdJobs from "@/blueprints/irma-schd-jobs.json";
import irmaSchdRuns from "@/blueprints/irma-schd-runs.json";

export type DefaultBlueprint = {
  irn: string;
  version: string;
  document: Record<string, unknown>;
};

function blueprint(document: { irn: string; version: string }): DefaultBlueprint {
  return { irn: document.irn, version: document.version, document };
}

/** In the order step 8 lists them in its JSON sections: entities first (portfolios, orgs, teams and users depend on it). */
export const DEFAULT_BLUEPRINTS: readonly DefaultBlueprint[] = Object.freeze([
  blueprint(sysEntities),
  blueprint(irmaSchdJobs),
  blueprint(irmaSchdRuns),
]);
