import { beforeAll, describe, expect, it } from "vitest";
import { resetKeysForTests } from "@/lib/crypto/sealed";
import { cookieOptions, sealSession, sessionState, unsealSession, type SessionPayload } from "@/lib/auth/session-cookie";

beforeAll(() => {
  process.env.TT_CONSOLE_SECRET = "unit-test-secret-unit-test-secret-0001";
  resetKeysForTests();
});

const now = 1_800_000_000_000;
const session: SessionPayload = {
  v: 1, sid: "session-id-0123456789", sub: "s", email: "a@b.c", username: "u", groups: ["operators"], exp: now + 1000, maxExp: now + 10_000, refreshToken: "rt-secret",
};

describe("session cookie", () => {
  it("seals the payload so the refresh token is not readable", () => {
    const cookie = sealSession(session);
    expect(cookie).not.toContain("rt-secret");
    expect(unsealSession(cookie)).toEqual(session);
    expect(unsealSession(`${cookie}x`)).toBeUndefined();
  });

  it("is valid, then refreshable, then gone", () => {
    expect(sessionState(session, now).state).toBe("valid");
    expect(sessionState(session, now + 2000).state).toBe("refreshable");
    expect(sessionState({ ...session, refreshToken: undefined }, now + 2000).state).toBe("none");
    expect(sessionState(session, now + 10_000).state).toBe("none");
    expect(sessionState(undefined, now).state).toBe("none");
  });

  it("sets httpOnly, SameSite=Lax and Secure when asked", () => {
    expect(cookieOptions(true, now + 5000, now)).toMatchObject({ httpOnly: true, sameSite: "lax", secure: true, maxAge: 5 });
    expect(cookieOptions(false, now + 5000, now).secure).toBe(false);
  });
});
