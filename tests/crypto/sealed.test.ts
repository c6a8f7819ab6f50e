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
