import { describe, expect, it } from "vitest";
import { environmentNames } from "@/lib/provisioning/names";

describe("environment names", () => {
  it("derives every name from the environment", () => {
    expect(environmentNames("acme-dev")).toEqual({
      env: "acme-dev",
      tables: { blueprints: "acme-dev_blueprints", data: "acme-dev_data", entities: "acme-dev_entities", rel: "acme-dev_rel" },
      policyName: "acme-dev_tt_policy",
      roleName: "acme-dev_tt_role",
      inlinePolicyName: "acme-dev_tank_inline",
      revokePolicyName: "AWSRevokeOlderSessions",
      userPoolName: "acme-dev",
      appClientName: "acme-dev_app",
      installerGroupName: "TankTowerInstallers",
      installerUserName: "acme-dev_installer",
    });
  });

  it("uses step 5's role name, not the sample ARN's tanktower_role_<env>", () => {
    expect(environmentNames("dev").roleName).toBe("dev_tt_role");
  });
});
