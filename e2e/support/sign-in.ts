import { expect, type Page } from "@playwright/test";

export async function signInViaUi(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function expectSignedIn(page: Page, email: string): Promise<void> {
  await expect(page.getByTestId("signed-in-as")).toContainText(email);
}
