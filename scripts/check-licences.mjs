#!/usr/bin/env node
/**
 * `npm run check:licences`: fails when a package that ships (anything in
 * package-lock.json not marked dev-only, optional platform packages
 * included) carries a copyleft licence.
 *
 * The policy (docs/deploy.md, "Licences"):
 * - Refused: strong and network copyleft (GPL, AGPL, SSPL, EUPL, OSL, CPAL,
 *   RPL, Sleepycat, CC BY-SA) and weak copyleft (LGPL, MPL, EPL, CDDL, CeCILL).
 *   Weak copyleft is refused too because the client asked for permissive
 *   licences only in what ships; MPL's obligations are per file and light, so
 *   an MPL package may be accepted by listing it below with a reason after review.
 * - Reviewed exceptions (REVIEWED below) name a package, its licence and why
 *   it is acceptable; a licence change of such a package fails again.
 * - A package with no licence in the lock fails: unknown is not permissive.
 * - SPDX expressions: "A OR B" passes when either side passes; "A AND B"
 *   when both do.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const COPYLEFT = /(^|[^A-Z])(A?GPL|LGPL|SSPL|EUPL|OSL|CPAL|RPL|Sleepycat|CC-BY-SA|MPL|EPL|CDDL|CECILL)([^A-Z]|$)/i;

/** Reviewed exceptions: path prefix in the lock → the licence reviewed and why it may ship. */
const REVIEWED = {
  "node_modules/@img/sharp-": {
    licences: ["LGPL-3.0-or-later", "Apache-2.0 AND LGPL-3.0-or-later", "Apache-2.0 AND LGPL-3.0-or-later AND MIT"],
    why: "libvips (LGPL-3.0), the image library of sharp, Next's optional image optimizer: prebuilt per platform and loaded unmodified as a shared library at run time, which the LGPL allows shipping (libvips publishes its source). The console uses no next/image; the Dockerfile leaves sharp out of the image anyway.",
  },
};

/** Splits an SPDX expression at the top level (parentheses respected). */
function splitTop(expr, op) {
  const parts = [];
  let depth = 0;
  let current = "";
  const tokens = expr.split(/(\(|\)|\s+)/).filter((t) => t !== undefined && t !== "");
  for (const t of tokens) {
    if (t === "(") depth++;
    if (t === ")") depth--;
    if (depth === 0 && t.trim() === op) {
      parts.push(current.trim());
      current = "";
    } else current += t;
  }
  parts.push(current.trim());
  return parts;
}

function unwrap(expr) {
  let e = expr.trim();
  while (e.startsWith("(") && e.endsWith(")") && splitTop(e.slice(1, -1), "OR").join("") !== "" && balanced(e.slice(1, -1))) e = e.slice(1, -1).trim();
  return e;
}

function balanced(s) {
  let d = 0;
  for (const ch of s) {
    if (ch === "(") d++;
    if (ch === ")") d--;
    if (d < 0) return false;
  }
  return d === 0;
}

/** Whether an SPDX expression lets the package ship under a permissive licence. */
export function permissive(expression) {
  const e = unwrap(expression);
  const ors = splitTop(e, "OR");
  if (ors.length > 1) return ors.some(permissive);
  const ands = splitTop(e, "AND");
  if (ands.length > 1) return ands.every(permissive);
  return !COPYLEFT.test(e);
}

function licenceOf(entry) {
  if (typeof entry.license === "string") return entry.license;
  if (Array.isArray(entry.licenses)) return entry.licenses.map((l) => (typeof l === "string" ? l : l.type)).join(" OR ");
  if (entry.license && typeof entry.license === "object" && typeof entry.license.type === "string") return entry.license.type;
  return undefined;
}

export function checkLock(lock) {
  const problems = [];
  let shipped = 0;
  for (const [name, entry] of Object.entries(lock.packages ?? {})) {
    if (name === "" || entry.dev || entry.link) continue;
    shipped++;
    const licence = licenceOf(entry);
    const reviewed = Object.entries(REVIEWED).find(([prefix]) => name.startsWith(prefix))?.[1];
    if (!licence) {
      problems.push(`${name}: no licence in package-lock.json`);
    } else if (!permissive(licence) && !reviewed?.licences.includes(licence)) {
      problems.push(`${name}: ${licence}${entry.optional ? " (optional)" : ""}`);
    }
  }
  return { shipped, problems };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const lock = JSON.parse(readFileSync(path.join(root, "package-lock.json"), "utf8"));
  const { shipped, problems } = checkLock(lock);
  if (problems.length) {
    process.stderr.write(`Copyleft or unknown licences in production dependencies (move them to devDependencies, replace them, or review them in scripts/check-licences.mjs):\n${problems.map((p) => `  ${p}`).join("\n")}\n`);
    process.exit(1);
  }
  process.stdout.write(`licences: ${shipped} production packages, none copyleft (${Object.keys(REVIEWED).length} reviewed exceptions)\n`);
}
