import { describe, expect, it } from "vitest";
import { resetKeysForTests, unsealWithRotation } from "@/lib/crypto/sealed";
import { getEnvironment } from "@/lib/environments/read";
import { resealRegistrySecrets } from "@/lib/environments/reseal";
import { environmentCreateSchema } from "@/lib/environments/schema";
import { createEnvironment } from "@/lib/environments/write";
import { withEmulator } from "../support/emulator";

withEmulator();

describe("rotating TT_CONSOLE_SECRET (against the emulator)", () => {
  it("re-seals stored access keys with the new secret, once, and leaves other credentials alone", async () => {
    const make = (name: string, credentials: object) =>
      createEnvironment(environmentCreateSchema.parse({ name, region: "us-east-1", credentials }), "tester");
    await make("rot-keys", { type: "keys", accessKeyId: "AKIAROTATE000001", secretAccessKey: "s3cr3t/rotate/me/please+0001" });
    await make("rot-default", { type: "default" });

    const old = process.env.TT_CONSOLE_SECRET ?? "";
    process.env.TT_CONSOLE_SECRET_PREVIOUS = old;
    process.env.TT_CONSOLE_SECRET = "rotated-9f8e7d6c5b4a39281706f5e4d3c2b1a0zyxwvu";
    resetKeysForTests();
    try {
      const before = await getEnvironment("rot-keys");
      const first = await resealRegistrySecrets("tester");
      expect(first.resealed).toContain("rot-keys");
      expect(first.resealed).not.toContain("rot-default");
      expect(first.unreadable).toEqual([]);
      const after = await getEnvironment("rot-keys");
      expect(after.version).toBe(before.version + 1);
      if (after.credentials.type !== "keys") throw new Error("credentials changed type");
      expect(unsealWithRotation("registry-secrets", after.credentials.secretSealed)).toEqual({ plaintext: "s3cr3t/rotate/me/please+0001", wasPrevious: false });

      const second = await resealRegistrySecrets("tester");
      expect(second.resealed).toEqual([]);
      expect(second.current).toContain("rot-keys");
    } finally {
      process.env.TT_CONSOLE_SECRET = old;
      delete process.env.TT_CONSOLE_SECRET_PREVIOUS;
      resetKeysForTests();
    }
  });
});
