import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { inviteUser } from "./support/cognito";
import { e2e } from "./support/env";
import { expectSignedIn, signInViaUi } from "./support/sign-in";

// These start signed out; the last group uses the operator's saved session.
test.use({ storageState: { cookies: [], origins: [] } });

test.describe("without a session", () => {
  test("the API answers 401 and health stays public", async ({ request }) => {
    for (const path of ["/api/environments", "/api/environments/sandbox", "/api/audit", "/api/session"]) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(401);
      expect((await res.json()).error.code).toBe("unauthenticated");
    }
    const post = await request.post("/api/environments", { data: { name: "nope" } });
    expect(post.status()).toBe(401);
    const health = await request.get("/api/health");
    expect(health.status()).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", aws: { reachable: true } });
    const spec = await request.get("/api/openapi.json");
    expect((await spec.json()).openapi).toBe("3.1.0");
  });

  test("pages send you to sign in, and the sign-in page is accessible", async ({ page }) => {
    await page.goto("/environments");
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByRole("heading", { name: "Sign in to TankTower Console" })).toBeVisible();
    await expect(page.getByLabel("Email")).toBeVisible();
    await expectAccessible(page);
  });

  test("a wrong password is refused with a clear message, cleared by the next attempt", async ({ page }) => {
    await signInViaUi(page, e2e.operator.email, "Wrong-Password-1");
    await expect(page.getByRole("alert").filter({ hasText: "Incorrect email or password." })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
    // An empty resubmit shows what is wrong now, not the previous answer.
    await page.getByLabel("Password", { exact: true }).fill("");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter your password.")).toBeVisible();
    await expect(page.getByText("Incorrect email or password.")).toHaveCount(0);
  });

  test("bad input names the field", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter the email address you sign in with.")).toBeVisible();
    await expect(page.getByText("Enter your password.")).toBeVisible();
  });
});

test.describe("signing in and out", () => {
  test("the operator signs in, sees the sandbox, and signs out", async ({ page }) => {
    await signInViaUi(page, e2e.operator.email, e2e.operator.password);
    await page.waitForURL("**/environments");
    await expectSignedIn(page, e2e.operator.email);
    await expect(page.getByRole("link", { name: "sandbox", exact: true })).toBeVisible();
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === "tt_session");
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    await page.getByRole("button", { name: /^Account of / }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await page.waitForURL("**/sign-in");
    expect((await page.request.get("/api/session")).status()).toBe(401);
    await page.goto("/environments");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("an invited operator must choose a new password at first sign-in", async ({ page }) => {
    const email = `invited-${Date.now()}@e2e.tanktower.local`;
    await inviteUser(email, "Temp-Pass-123", ["operators"]);
    await signInViaUi(page, email, "Temp-Pass-123");
    await expect(page.getByRole("form", { name: "Choose a new password" })).toBeVisible();
    await page.getByLabel("New password", { exact: true }).fill("short");
    await page.getByLabel("Confirm new password").fill("different");
    await page.getByRole("button", { name: "Set password and sign in" }).click();
    await expect(page.getByText("Use at least 8 characters.")).toBeVisible();
    await expect(page.getByText("The passwords do not match.")).toBeVisible();
    await page.getByLabel("New password", { exact: true }).fill("Chosen-Pass-456");
    await page.getByLabel("Confirm new password").fill("Chosen-Pass-456");
    await page.getByRole("button", { name: "Set password and sign in" }).click();
    await page.waitForURL("**/environments");
    await expectSignedIn(page, email);
  });

  test("a user without a role is signed in but refused with 403", async ({ page }) => {
    const email = `norole-${Date.now()}@e2e.tanktower.local`;
    await inviteUser(email, "Temp-Pass-123", []);
    await signInViaUi(page, email, "Temp-Pass-123");
    await page.getByLabel("New password", { exact: true }).fill("Chosen-Pass-456");
    await page.getByLabel("Confirm new password").fill("Chosen-Pass-456");
    await page.getByRole("button", { name: "Set password and sign in" }).click();
    await page.waitForURL("**/environments");
    await expect(page.getByText("Your account has no operator role")).toBeVisible();
    const res = await page.request.get("/api/environments");
    expect(res.status()).toBe(403);
    expect((await res.json()).error.message).toMatch(/operator role/);
    expect((await page.request.get("/api/session")).status()).toBe(200);
  });
});

test.describe("with the operator's session", () => {
  test.use({ storageState: "e2e/.auth/operator.json" });

  test("a mutating request from another site is refused", async ({ request }) => {
    const res = await request.post("/api/environments", {
      headers: { origin: "http://evil.example" },
      data: { name: "evil-env", region: "us-east-1", credentials: { type: "default" } },
    });
    expect(res.status()).toBe(403);
    expect((await request.get("/api/environments/evil-env")).status()).toBe(404);
  });
});
