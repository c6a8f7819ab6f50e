import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkLock, permissive } from "../../scripts/check-licences.mjs";

describe("licence check", () => {
  it("reads SPDX expressions", () => {
    for (const ok of ["MIT", "Apache-2.0", "BSD-3-Clause", "ISC", "0BSD", "CC-BY-4.0", "(MIT OR GPL-3.0-or-later)", "MIT AND ISC AND BSD-3-Clause", "BlueOak-1.0.0"]) {
      expect(permissive(ok), ok).toBe(true);
    }
    for (const bad of ["AGPL-3.0-or-later", "GPL-2.0-only", "LGPL-3.0-or-later", "MPL-2.0", "EPL-2.0", "SSPL-1.0", "EUPL-1.2", "MIT AND LGPL-3.0-or-later", "(GPL-2.0 OR AGPL-3.0)"]) {
      expect(permissive(bad), bad).toBe(false);
    }
  });

  it("refuses copyleft and unknown licences among production packages, not among dev ones", () => {
    const lock = {
      packages: {
        "": { name: "x" },
        "node_modules/ok": { license: "MIT" },
        "node_modules/agpl-dev": { license: "AGPL-3.0-or-later", dev: true },
        "node_modules/agpl": { license: "AGPL-3.0-or-later" },
        "node_modules/unknown": {},
        "node_modules/@img/sharp-libvips-linux-x64": { license: "LGPL-3.0-or-later", optional: true },
        "node_modules/@img/sharp-libvips-linux-arm": { license: "GPL-3.0-only", optional: true },
      },
    };
    expect(checkLock(lock).problems).toEqual([
      "node_modules/agpl: AGPL-3.0-or-later",
      "node_modules/unknown: no licence in package-lock.json",
      // A reviewed package whose licence changes is refused again.
      "node_modules/@img/sharp-libvips-linux-arm: GPL-3.0-only (optional)",
    ]);
  });

  it("passes on this project's lock file", () => {
    const lock = JSON.parse(readFileSync(new URL("../../package-lock.json", import.meta.url), "utf8")) as Parameters<typeof checkLock>[0];
    expect(checkLock(lock).problems).toEqual([]);
  });
});
