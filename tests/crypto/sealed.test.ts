import { beforeAll, describe, expect, it } from "vitest";
import { resetKeysForTests, seal, unseal } from "@/lib/crypto/sealed";

beforeAll(() => {
  process.env.TT_CONSOLE_SECRET = "unit-test-secret-unit-test-secret-0001";
  resetKeysForTests();
});

describe("sealed values", () => {
  it("round-trips and never contains the plaintext", () => {
    const sealed = seal("registry-secrets", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    expect(sealed).not.toContain("wJalr");
    expect(unseal("registry-secrets", sealed)).toBe("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
  });

  it("uses a fresh IV each time", () => {
    expect(seal("registry-secrets", "x")).not.toBe(seal("registry-secrets", "x"));
  });

  it("rejects a value sealed for another purpose", () => {
    expect(unseal("session-cookie", seal("registry-secrets", "secret"))).toBeUndefined();
  });

  it("rejects tampering and garbage", () => {
    const sealed = seal("session-cookie", "hello");
    const [v, iv, body] = sealed.split(".");
    const flipped = `${v}.${iv}.${body?.slice(0, -2)}${body?.endsWith("AA") ? "AB" : "AA"}`;
    expect(unseal("session-cookie", flipped)).toBeUndefined();
    expect(unseal("session-cookie", "v1.abc")).toBeUndefined();
    expect(unseal("session-cookie", "")).toBeUndefined();
  });

  it("cannot open values sealed under another console secret", () => {
    const sealed = seal("registry-secrets", "secret");
    process.env.TT_CONSOLE_SECRET = "another-secret-another-secret-another-1";
    resetKeysForTests();
    expect(unseal("registry-secrets", sealed)).toBeUndefined();
    process.env.TT_CONSOLE_SECRET = "unit-test-secret-unit-test-secret-0001";
    resetKeysForTests();
  });
});

describe("rotating TT_CONSOLE_SECRET", () => {
  it("opens values sealed with the previous secret, says so, and seals only with the new one", async () => {
    const { unsealWithRotation } = await import("@/lib/crypto/sealed");
    const old = "unit-test-secret-unit-test-secret-0001";
    const sealedBefore = seal("registry-secrets", "kept across the rotation");
    process.env.TT_CONSOLE_SECRET = "rotated-secret-9f8e7d6c5b4a39281706f5e4d3c2b1a0";
    resetKeysForTests();
    expect(unseal("registry-secrets", sealedBefore)).toBeUndefined();
    process.env.TT_CONSOLE_SECRET_PREVIOUS = old;
    resetKeysForTests();
    try {
      expect(unsealWithRotation("registry-secrets", sealedBefore)).toEqual({ plaintext: "kept across the rotation", wasPrevious: true });
      const resealed = seal("registry-secrets", "kept across the rotation");
      expect(unsealWithRotation("registry-secrets", resealed)).toEqual({ plaintext: "kept across the rotation", wasPrevious: false });
      // A value sealed with the new secret does not open with the old one alone.
      process.env.TT_CONSOLE_SECRET = old;
      delete process.env.TT_CONSOLE_SECRET_PREVIOUS;
      resetKeysForTests();
      expect(unseal("registry-secrets", resealed)).toBeUndefined();
    } finally {
      process.env.TT_CONSOLE_SECRET = old;
      delete process.env.TT_CONSOLE_SECRET_PREVIOUS;
      resetKeysForTests();
    }
  });
});
