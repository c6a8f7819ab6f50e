import ngeohash from "ngeohash";
import { describe, expect, it } from "vitest";
import {
  distanceMeters,
  docIndex,
  folderPrefix,
  geoIndex,
  geoSearchPrefixes,
  normalizePath,
  parseDocIndex,
  pathFromIndex,
  pathIndex,
  precisionForRadius,
  timeIndex,
  timePrefix,
} from "@/lib/documents/keys";

describe("document keys (docs/data-model.md)", () => {
  it("builds doc_index and time_index as <blueprint>#<id> and <blueprint>#<ISO UTC>#<id>", () => {
    expect(docIndex("schd_jobs", "4f1c")).toBe("schd_jobs#4f1c");
    expect(parseDocIndex("schd_jobs#4f1c")).toEqual({ blueprint: "schd_jobs", docId: "4f1c" });
    expect(parseDocIndex("#x")).toBeUndefined();
    expect(timeIndex("schd_runs", "2025-01-17T10:22:46+01:00", "ab")).toBe("schd_runs#2025-01-17T09:22:46.000Z#ab");
    expect(timeIndex("schd_runs", new Date(Date.UTC(2025, 0, 2)), "ab")).toBe("schd_runs#2025-01-02T00:00:00.000Z#ab");
    expect(timeIndex("a", new Date(2), "x") > timeIndex("a", new Date(1), "x")).toBe(true);
    expect(timePrefix("schd_runs")).toBe("schd_runs#");
  });

  it("refuses key parts that hold a separator", () => {
    expect(() => docIndex("a#b", "x")).toThrow();
    expect(() => docIndex("a", "x/y")).toThrow();
    expect(() => timeIndex("a", "not a date", "x")).toThrow();
  });

  it("builds path_index as <blueprint>/<path> in one canonical form", () => {
    expect(normalizePath(" /reports//2025/ ")).toBe("reports/2025");
    expect(normalizePath("/")).toBe("");
    expect(() => normalizePath("a/../b")).toThrow();
    expect(pathIndex("maps", "/reports/2025/")).toBe("maps/reports/2025");
    expect(() => pathIndex("maps", "//")).toThrow();
    expect(folderPrefix("maps", "")).toBe("maps/");
    expect(folderPrefix("maps", "reports")).toBe("maps/reports/");
    expect(pathFromIndex("maps", "maps/reports/2025")).toBe("reports/2025");
    expect(pathFromIndex("maps", "other/x")).toBeUndefined();
  });

  it("builds geo_index from a 9-character geohash", () => {
    expect(geoIndex("places", { lat: 48.8584, lon: 2.2945 })).toBe(`places#${ngeohash.encode(48.8584, 2.2945, 9)}`);
    expect(geoIndex("places", { lat: 48.8584, lon: 2.2945 })).toMatch(/^places#u09tunq/);
  });

  it("chooses a coarser prefix for a wider radius", () => {
    expect(precisionForRadius(1)).toBe(9);
    expect(precisionForRadius(100)).toBe(7);
    expect(precisionForRadius(1_000)).toBe(5);
    expect(precisionForRadius(50_000)).toBe(3);
    expect(precisionForRadius(10_000_000)).toBe(1);
  });

  it("searches the point's cell and its eight neighbours, which cover the radius", () => {
    const center = { lat: 48.8584, lon: 2.2945 };
    const prefixes = geoSearchPrefixes("places", center, 1_000);
    expect(prefixes).toHaveLength(9);
    expect(prefixes[0]).toBe(`places#${ngeohash.encode(center.lat, center.lon, 5)}`);
    // A point 900 m away in any direction falls in one of the cells.
    for (const [dLat, dLng] of [[0.0081, 0], [-0.0081, 0], [0, 0.0122], [0, -0.0122]] as const) {
      const near = { lat: center.lat + dLat, lon: center.lon + dLng };
      expect(distanceMeters(center, near)).toBeLessThan(1_000);
      expect(prefixes.some((p) => geoIndex("places", near).startsWith(p))).toBe(true);
    }
  });

  it("measures great-circle distance", () => {
    expect(distanceMeters({ lat: 0, lon: 0 }, { lat: 0, lon: 1 })).toBeCloseTo(111_195, -2);
    expect(distanceMeters({ lat: 10, lon: 10 }, { lat: 10, lon: 10 })).toBe(0);
  });
});
