import { readFileSync } from "node:fs";
import path from "node:path";
import { isJsonObject, type JsonObject } from "@/lib/blueprints/json-text";

/** The three seed blueprints, as text and parsed, read from blueprints/ (verbatim from the setup document). */
export const SEED_FILES = ["sys-entities.json", "irma-schd-jobs.json", "irma-schd-runs.json"] as const;

export function seedText(file: (typeof SEED_FILES)[number]): string {
  return readFileSync(path.join(process.cwd(), "blueprints", file), "utf8");
}

export function seed(file: (typeof SEED_FILES)[number]): JsonObject {
  const value: unknown = JSON.parse(seedText(file));
  if (!isJsonObject(value)) throw new Error(`${file} is not an object`);
  return value;
}

/** A deep copy to edit in a test. */
export function copy<T>(value: T): T {
  return structuredClone(value);
}
