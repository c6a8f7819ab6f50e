/** Links to the AWS console pages of the resources a checklist row describes. */
const IAM = "https://console.aws.amazon.com/iam/home#";

export const awsConsole = {
  user: (name: string) => ({ label: `IAM user ${name}`, href: `${IAM}/users/details/${encodeURIComponent(name)}` }),
  role: (name: string) => ({ label: `IAM role ${name}`, href: `${IAM}/roles/details/${encodeURIComponent(name)}` }),
  policy: (arn: string, name: string) => ({ label: `IAM policy ${name}`, href: `${IAM}/policies/details/${encodeURIComponent(arn)}` }),
  table: (region: string, name: string) => ({
    label: `Table ${name}`,
    href: `https://${region}.console.aws.amazon.com/dynamodbv2/home?region=${region}#table?name=${encodeURIComponent(name)}`,
  }),
  pool: (region: string, id: string) => ({
    label: `User pool ${id}`,
    href: `https://${region}.console.aws.amazon.com/cognito/v2/idp/user-pools/${encodeURIComponent(id)}/overview?region=${region}`,
  }),
  identity: (region: string, identity: string) => ({
    label: `SES identity ${identity}`,
    href: `https://${region}.console.aws.amazon.com/ses/home?region=${region}#/identities/${encodeURIComponent(identity)}`,
  }),
};
