// Subpath imports keep the browser bundle to the three functions used.
import compare from "semver/functions/compare";
import inc from "semver/functions/inc";
import valid from "semver/functions/valid";

/**
 * Blueprint versions are semantic versions. DynamoDB sorts the `version` sort
 * key as a string (`0.0.10` before `0.0.9`), so every list of versions is
 * sorted here after the Query. Isomorphic and pure.
 */
export type Bump = "major" | "minor" | "patch";

export const BUMPS: readonly Bump[] = ["major", "minor", "patch"];

export function isSemver(version: string): boolean {
  return valid(version) !== null;
}

/**
 * Ascending semantic order. A stored version that is not valid semver (the
 * TankTower app could write one) sorts before every valid one, by string.
 */
export function compareVersions(a: string, b: string): number {
  const va = valid(a);
  const vb = valid(b);
  if (va && vb) return compare(va, vb);
  if (va) return 1;
  if (vb) return -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortVersions<T>(items: readonly T[], versionOf: (item: T) => string): T[] {
  return [...items].sort((x, y) => compareVersions(versionOf(x), versionOf(y)));
}

export function latestVersion(versions: readonly string[]): string | undefined {
  return sortVersions(versions, (v) => v).at(-1);
}

/**
 * The version after `latest` for a bump. A non-semver latest restarts at
 * 0.0.1-style numbering from 0.0.0.
 */
export function bumpVersion(latest: string | undefined, bump: Bump): string {
  const base = (latest && valid(latest)) || "0.0.0";
  const next = inc(base, bump);
  // inc only fails on an invalid base, which `base` cannot be.
  return next ?? "0.0.1";
}
