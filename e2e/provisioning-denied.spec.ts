import { expect, test } from "@playwright/test";
import { allowing, denying, startEnforcingAccount } from "./support/enforcing-account";

/** What provisioning reads and writes (as the emulator names the actions). */
const READS = [
  "iam:ListAttachedUserPolicies", "iam:ListGroupsForUser", "iam:ListAttachedGroupPolicies", "iam:GetUserPolicy",
  "iam:GetPolicy", "iam:GetPolicyVersion", "iam:ListPolicyVersions", "iam:GetRole", "iam:ListAttachedRolePolicies", "iam:GetRolePolicy",
  "dynamodb:DescribeTable", "dynamodb:DescribeTimeToLive", "dynamodb:GetItem", "cognito-idp:ListUserPools", "cognito-idp:DescribeUserPool",
  "cognito-idp:ListUserPoolClients", "cognito-idp:DescribeUserPoolClient", "ses:GetEmailIdentity", "s3:ListBucket", "s3:HeadBucket",
];
const WRITES = [
  "iam:PutUserPolicy", "iam:CreatePolicy", "iam:CreatePolicyVersion", "iam:DeletePolicyVersion", "iam:CreateRole", "iam:AttachRolePolicy",
  "iam:UpdateAssumeRolePolicy", "dynamodb:CreateTable", "dynamodb:UpdateTimeToLive", "dynamodb:PutItem", "cognito-idp:CreateUserPool", "cognito-idp:CreateUserPoolClient",
  "cognito-idp:UpdateUserPoolClient", "ses:CreateEmailIdentity",
];

test("a step denied by IAM shows as blocked, and the run resumes once the permission is granted", async ({ page }) => {
  const account = await startEnforcingAccount();
  try {
    const keys = await account.createUser("limited", {
      provisioning: allowing([...READS, ...WRITES]),
      limits: denying(["iam:GetRole", "iam:CreateRole"]),
    });
    const name = `denied-${Date.now().toString(36).slice(-5)}`;
    const created = await page.request.post("/api/environments", {
      data: { name, region: "us-east-1", endpoint: account.url, credentials: { type: "keys", ...keys }, sesSender: `no-reply@${name}.example` },
    });
    expect(created.status()).toBe(201);

    await page.goto(`/environments/${name}/provisioning`);
    const step5 = page.getByTestId("step-5");
    await expect(step5).toHaveAttribute("data-status", "blocked");
    await expect(step5).toContainText("Missing permission: iam:GetRole");

    // Everything else applies; the role waits.
    await page.getByRole("button", { name: "Plan changes" }).click();
    await expect(page.getByTestId("change-role.create")).toHaveCount(0);
    await page.getByRole("button", { name: "Apply this plan" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Apply", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: /Done in/ })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId("step-3")).toHaveAttribute("data-status", "done");
    await expect(step5).toHaveAttribute("data-status", "blocked");

    // Reading is allowed now, creating is still refused: the change fails with a clear message.
    await account.putUserPolicy("limited", "limits", denying(["iam:CreateRole"]));
    await page.getByRole("button", { name: "Refresh" }).click();
    await expect(step5).toHaveAttribute("data-status", "missing");
    await page.getByRole("button", { name: "Plan changes" }).click();
    await expect(page.getByTestId("change-role.create")).toBeVisible();
    await page.getByRole("button", { name: "Apply this plan" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Apply", exact: true }).click();
    await expect(page.getByTestId("progress-role.create")).toHaveAttribute("data-status", "failed", { timeout: 60_000 });
    await expect(page.getByTestId("progress-role.create")).toContainText("AWS refused");
    await expect(page.getByRole("status").filter({ hasText: /did not finish/ })).toBeVisible();

    // Granted: the next run does only what is left.
    await account.putUserPolicy("limited", "limits", denying(["iam:DeleteRole"]));
    await page.getByRole("button", { name: "Plan changes" }).click();
    await expect(page.getByRole("heading", { name: "Plan: 1 change" })).toBeVisible();
    await page.getByRole("button", { name: "Apply this plan" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Apply", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: /Done in/ })).toBeVisible({ timeout: 60_000 });
    for (const id of ["3", "4a", "4b", "4", "5", "5b", "5c", "6", "7", "8"]) {
      await expect(page.getByTestId(`step-${id}`), `step ${id}`).toHaveAttribute("data-status", "done");
    }
  } finally {
    await account.stop();
  }
});
