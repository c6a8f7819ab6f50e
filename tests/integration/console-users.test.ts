import { describe, expect, it } from "vitest";
import { AdminGetUserCommand, InitiateAuthCommand } from "@aws-sdk/client-cognito-identity-provider";
import { CreateEmailIdentityCommand } from "@aws-sdk/client-sesv2";
import { homeClients } from "@/lib/aws/clients";
import { initConsole } from "@/lib/auth/console-init";
import { effectiveRole } from "@/lib/auth/roles";
import { environmentCreateSchema } from "@/lib/environments/schema";
import { createEnvironment } from "@/lib/environments/write";
import { inviteConsoleUser, listConsoleUsers, removeConsoleUser, setConsoleUserGrants } from "@/lib/console-users/service";
import { readMailbox } from "@/lib/mailbox/read";
import { withEmulator } from "../support/emulator";

withEmulator();

async function messagesTo(email: string) {
  return (await readMailbox(email)).map((m) => m.body);
}

describe("environment admins and viewers (against the emulator)", { timeout: 180_000 }, () => {
  it("invites an admin with a temporary password by email, lists, changes and removes them", async () => {
    const settings = await initConsole({ adminEmail: "op@console.test", permanentPassword: "Operator-Pass-1" });
    await homeClients().ses.send(new CreateEmailIdentityCommand({ EmailIdentity: "no-reply@sandbox.tanktower.local" }));
    await createEnvironment(environmentCreateSchema.parse({ name: "cu-env", region: "us-east-1", credentials: { type: "default" } }), "tester");
    await createEnvironment(environmentCreateSchema.parse({ name: "cu-other", region: "us-east-1", credentials: { type: "default" } }), "tester");

    const result = await inviteConsoleUser({ email: "admin@cu.test", name: "Ada Admin", environment: "cu-env", role: "admin" }, "http://console.test/sign-in", "op@console.test");
    expect(result).toMatchObject({ created: true, emailed: true, user: { email: "admin@cu.test", name: "Ada Admin", operator: false, grants: [{ environment: "cu-env", role: "admin" }] } });
    const mails = await messagesTo("admin@cu.test");
    expect(mails).toHaveLength(1);
    expect(mails[0]).toContain("http://console.test/sign-in");
    const password = /Temporary password: <code>([^<]+)<\/code>/.exec(mails[0] ?? "")?.[1];
    expect(password).toBeTruthy();

    // The temporary password works and asks for a new one.
    const auth = await homeClients().cognito.send(
      new InitiateAuthCommand({ ClientId: settings.clientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: "admin@cu.test", PASSWORD: password ?? "" } }),
    );
    expect(auth.ChallengeName).toBe("NEW_PASSWORD_REQUIRED");

    const listed = await listConsoleUsers("cu-env");
    expect(listed.map((u) => [u.email, u.name])).toEqual([["admin@cu.test", "Ada Admin"]]);
    expect(await listConsoleUsers("cu-other")).toEqual([]);

    // A grant on an environment that does not exist is a 400 naming the field, and changes nothing.
    await expect(inviteConsoleUser({ email: "ghost@cu.test", environment: "cu-none", role: "viewer" }, "http://console.test/sign-in", "op@console.test")).rejects.toMatchObject({
      status: 400,
      fieldErrors: { environment: [expect.stringContaining("cu-none")] },
    });
    await expect(setConsoleUserGrants(result.user.username, [{ environment: "cu-env", role: "admin" }, { environment: "cu-none", role: "viewer" }])).rejects.toMatchObject({
      status: 400,
      fieldErrors: { "grants.1.environment": [expect.any(String)] },
    });
    expect((await listConsoleUsers("cu-env")).map((u) => u.email)).toEqual(["admin@cu.test"]);

    // An operator is not a console user: no grants, no changes (which would end their sessions), no removal here.
    const operator = await homeClients().cognito.send(new AdminGetUserCommand({ UserPoolId: settings.userPoolId, Username: "op@console.test" }));
    await expect(inviteConsoleUser({ email: "op@console.test", environment: "cu-env", role: "admin" }, "http://console.test/sign-in", "op@console.test")).rejects.toMatchObject({ status: 409 });
    await expect(setConsoleUserGrants(operator.Username ?? "", [{ environment: "cu-env", role: "viewer" }])).rejects.toMatchObject({ status: 409 });
    await expect(removeConsoleUser(operator.Username ?? "")).rejects.toMatchObject({ status: 409 });
    expect((await listConsoleUsers("cu-env")).map((u) => u.email)).toEqual(["admin@cu.test"]);

    const changed = await setConsoleUserGrants(result.user.username, [{ environment: "cu-other", role: "viewer" }]);
    expect(changed.grants).toEqual([{ environment: "cu-other", role: "viewer" }]);
    expect(effectiveRole({ groups: ["env:cu-other:viewers"] }, "cu-env")).toBeUndefined();
    expect((await listConsoleUsers("cu-env")).length).toBe(0);

    await removeConsoleUser(result.user.username);
    await expect(homeClients().cognito.send(new AdminGetUserCommand({ UserPoolId: settings.userPoolId, Username: "admin@cu.test" }))).rejects.toThrow();
  });
});
