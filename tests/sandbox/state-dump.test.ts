// The Mailbox reads the emulator's state dump for SES alone (`?service=ses`, scripts/sandbox/state_dump.py):
// the same messages as moto's whole dump, without every other service's models.
import { SESClient, SendEmailCommand, VerifyEmailIdentityCommand } from "@aws-sdk/client-ses";
import { CreateTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { describe, expect, it } from "vitest";
import { readMailbox } from "@/lib/mailbox/read";
import { withEmulator } from "../support/emulator";

withEmulator();

const dump = async (query: string) => (await (await fetch(`${process.env.AWS_ENDPOINT_URL}/moto-api/data.json${query}`)).json()) as Record<string, unknown>;

describe("the emulator's state dump", { timeout: 60_000 }, () => {
  it("holds only the services named, each as in the whole dump", async () => {
    const ses = new SESClient({});
    await ses.send(new VerifyEmailIdentityCommand({ EmailAddress: "from@dump.test" }));
    await ses.send(new SendEmailCommand({ Source: "from@dump.test", Destination: { ToAddresses: ["to@dump.test"] }, Message: { Subject: { Data: "Hello" }, Body: { Text: { Data: "Body" } } } }));
    await new DynamoDBClient({}).send(
      new CreateTableCommand({ TableName: "dump_other", KeySchema: [{ AttributeName: "k", KeyType: "HASH" }], AttributeDefinitions: [{ AttributeName: "k", AttributeType: "S" }], BillingMode: "PAY_PER_REQUEST" }),
    );

    const whole = await dump("");
    const sesOnly = await dump("?service=ses");
    expect(Object.keys(whole)).toContain("dynamodb");
    expect(Object.keys(sesOnly)).toEqual(["ses"]);
    expect(sesOnly.ses).toEqual(whole.ses);
    expect(JSON.stringify(sesOnly.ses)).toContain("to@dump.test");

    const mails = await readMailbox("to@dump.test");
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ from: "from@dump.test", subject: "Hello", body: "Body" });
  });
});
