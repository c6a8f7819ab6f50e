import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  CognitoIdentityProviderClient,
} from "@aws-sdk/client-cognito-identity-provider";
import { e2e } from "./env";

/** An independent AWS client on the test sandbox, for setting up what the UI cannot. */
export function cognito() {
  return new CognitoIdentityProviderClient({
    region: "us-east-1",
    endpoint: e2e.emulatorUrl,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
  });
}

export async function consolePool(baseUrl: string): Promise<{ userPoolId: string; clientId: string }> {
  const res = await fetch(`${baseUrl}/api/auth/config`);
  return (await res.json()) as { userPoolId: string; clientId: string };
}

export async function inviteUser(email: string, temporaryPassword: string, groups: string[]): Promise<void> {
  const { userPoolId } = await consolePool(e2e.baseUrl);
  const client = cognito();
  const out = await client.send(
    new AdminCreateUserCommand({
      UserPoolId: userPoolId,
      Username: email,
      TemporaryPassword: temporaryPassword,
      MessageAction: "SUPPRESS",
      UserAttributes: [{ Name: "email", Value: email }, { Name: "email_verified", Value: "true" }],
    }),
  );
  const username = out.User?.Username;
  if (!username) throw new Error("AdminCreateUser returned no username");
  for (const GroupName of groups) {
    await client.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: username, GroupName }));
  }
}
