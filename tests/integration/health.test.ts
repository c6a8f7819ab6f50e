import { describe, expect, it } from "vitest";
import { CreatePolicyVersionCommand } from "@aws-sdk/client-iam";
import { homeClients } from "@/lib/aws/clients";
import { environmentCreateSchema } from "@/lib/environments/schema";
import { createEnvironment } from "@/lib/environments/write";
import { prepareProvision } from "@/lib/provisioning/apply";
import { environmentsHealth } from "@/lib/provisioning/health";
import { createInstaller } from "@/lib/provisioning/installer";
import { planEnvironment } from "@/lib/provisioning/service";
import { getEnvironment } from "@/lib/environments/read";
import { withEmulator } from "../support/emulator";

withEmulator();

const make = (name: string, extra: object = {}) =>
  createEnvironment(environmentCreateSchema.parse({ name, region: "us-east-1", credentials: { type: "default" }, ...extra }), "tester");

describe("environment health (against the emulator)", () => {
  it("summarises every environment: not provisioned, green, drifted, unreachable", async () => {
    await make("hl-new");
    await make("hl-gone", { endpoint: "http://127.0.0.1:9" });
    const green = await make("hl-green", { sesSender: "no-reply@hl-green.example" });
    await createInstaller(green, "tester");
    const current = await getEnvironment("hl-green");
    const plan = await planEnvironment(current);
    const result = await (await prepareProvision(current, plan.fingerprint, "tester")).run(() => {});
    expect(result.ok).toBe(true);

    const byName = async (fresh: boolean) => Object.fromEntries((await environmentsHealth({ fresh })).map((h) => [h.environment, h]));
    const first = await byName(true);
    expect(first["hl-new"]).toMatchObject({ status: "not-provisioned", lastAppliedAt: null, region: "us-east-1" });
    expect(first["hl-gone"]?.status).toBe("unreachable");
    expect(first["hl-green"]).toMatchObject({ status: "green", accountId: "123456789012", counts: { done: 13, missing: 0, drifted: 0, blocked: 0, manual: 0 } });
    expect(first["hl-green"]?.lastAppliedAt).toBeTruthy();

    await homeClients().iam.send(
      new CreatePolicyVersionCommand({
        PolicyArn: "arn:aws:iam::123456789012:policy/hl-green_tt_policy",
        SetAsDefault: true,
        PolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "*" }] }),
      }),
    );
    // Cached briefly: the same answer until asked for a fresh read.
    expect((await byName(false))["hl-green"]?.status).toBe("green");
    expect((await byName(true))["hl-green"]?.status).toBe("drifted");
  });
});
