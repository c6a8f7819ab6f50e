import { describe, expect, it } from "vitest";
import { languagesOf } from "@/lib/environments/record";
import { environmentCreateSchema } from "@/lib/environments/schema";

const base = { name: "lang-env", region: "us-east-1", credentials: { type: "default" } };

describe("environment languages", () => {
  it("reads a comma-separated list or an array, deduplicated, first is the default", () => {
    expect(environmentCreateSchema.parse({ ...base, languages: " en, fr ,en,pt-BR" }).languages).toEqual(["en", "fr", "pt-BR"]);
    expect(environmentCreateSchema.parse({ ...base, languages: ["de"] }).languages).toEqual(["de"]);
  });

  it("means the default when empty or absent", () => {
    expect(environmentCreateSchema.parse({ ...base, languages: "" }).languages).toBeUndefined();
    expect(languagesOf({})).toEqual(["en"]);
    expect(languagesOf({ languages: ["fr", "en"] })).toEqual(["fr", "en"]);
  });

  it("names the field on a bad code", () => {
    const result = environmentCreateSchema.safeParse({ ...base, languages: "en, French" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ["languages"], message: expect.stringMatching(/French/) });
  });
});
