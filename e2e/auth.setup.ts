import { mkdirSync } from "node:fs";
import { test as setup } from "@playwright/test";
import { e2e } from "./support/env";
import { expectSignedIn, signInViaUi } from "./support/sign-in";

setup("sign in as the sandbox operator", async ({ page }) => {
  await signInViaUi(page, e2e.operator.email, e2e.operator.password);
  await page.waitForURL("**/environments");
  await expectSignedIn(page, e2e.operator.email);
  mkdirSync("e2e/.auth", { recursive: true });
  await page.context().storageState({ path: "e2e/.auth/operator.json" });
});
