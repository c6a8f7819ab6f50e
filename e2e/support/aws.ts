import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { IAMClient } from "@aws-sdk/client-iam";
import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { e2e } from "./env";

/** Independent AWS clients on the test sandbox, to check or disturb what the console did. */
const config = () => ({ region: "us-east-1", endpoint: e2e.emulatorUrl, credentials: { accessKeyId: "test", secretAccessKey: "test" } });

export const aws = {
  dynamodb: () => new DynamoDBClient(config()),
  iam: () => new IAMClient(config()),
  cognito: () => new CognitoIdentityProviderClient(config()),
};
