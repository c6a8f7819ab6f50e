import { describe, expect, it } from "vitest";
import { environmentNames } from "@/lib/provisioning/names";
import { looksLikeSecret, renderZappaSettings, type ZappaSettingsInput } from "@/lib/provisioning/zappa-settings";

const names = environmentNames("a23456789012345678901234");
const CLIENT_SECRET = "1ab2cd3ef4gh5ij6kl7mn8op9qr0st1uv2wx3yz4ab5cd6ef7gh8";

const input: ZappaSettingsInput = {
  env: names.env,
  region: "eu-west-3",
  roleName: names.roleName,
  roleArn: `arn:aws:iam::123456789012:role/${names.roleName}`,
  bucketName: `${names.env}qwertyui`,
  userPoolId: "eu-west-3_AbCdEf123",
  appClientId: "4abcdefghijklmnopqrstu5678",
  clientSecretRef: "arn:aws:secretsmanager:eu-west-3:123456789012:secret:tanktower/a23456789012345678901234/app-client-AbCdEf",
  tables: names.tables,
};

function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (typeof value === "object" && value !== null) return Object.entries(value).flatMap(([k, v]) => [k, ...strings(v)]);
  return [];
}

describe("step 6 zappa_settings.json", () => {
  const settings = renderZappaSettings(input);

  it("has one stage named after the environment, using the step 5 role", () => {
    expect(settings).toEqual({
      a23456789012345678901234: {
        app_function: "app.app",
        aws_region: "eu-west-3",
        profile_name: "a23456789012345678901234",
        project_name: "tanktower",
        runtime: "python3.12",
        s3_bucket: "a23456789012345678901234qwertyui",
        role_name: "a23456789012345678901234_tt_role",
        role_arn: "arn:aws:iam::123456789012:role/a23456789012345678901234_tt_role",
        manage_roles: false,
        keep_warm: false,
        environment_variables: {
          TT_ENV: "a23456789012345678901234",
          TT_BLUEPRINTS_TABLE: "a23456789012345678901234_blueprints",
          TT_DATA_TABLE: "a23456789012345678901234_data",
          TT_ENTITIES_TABLE: "a23456789012345678901234_entities",
          TT_REL_TABLE: "a23456789012345678901234_rel",
          TT_USER_POOL_ID: "eu-west-3_AbCdEf123",
          TT_APP_CLIENT_ID: "4abcdefghijklmnopqrstu5678",
          TT_APP_CLIENT_SECRET_REF: input.clientSecretRef,
        },
      },
    });
  });

  it("contains nothing that looks like a secret", () => {
    const values = strings(settings);
    expect(values.length).toBeGreaterThan(20);
    expect(values.filter(looksLikeSecret)).toEqual([]);
    expect(JSON.stringify(settings)).not.toContain(CLIENT_SECRET);
  });

  it("refuses a secret passed where its reference belongs", () => {
    expect(() => renderZappaSettings({ ...input, clientSecretRef: CLIENT_SECRET })).toThrow(/looks like a secret/);
  });

  it("recognises secrets and not names or references", () => {
    expect(looksLikeSecret(CLIENT_SECRET)).toBe(true);
    expect(looksLikeSecret("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")).toBe(true);
    expect(looksLikeSecret("/tanktower/a23456789012345678901234/appclientsecret")).toBe(false);
    expect(looksLikeSecret("a23456789012345678901234qwertyui")).toBe(false);
    expect(looksLikeSecret(input.clientSecretRef)).toBe(false);
  });
});
