import { describe, expect, it } from "vitest";
import { DYNAMODB_ITEM_LIMIT, formatBytes, itemSize, utf8Bytes, valueSize } from "@/lib/blueprints/item-size";
import { seed } from "./seed-files";

describe("DynamoDB item sizes", () => {
  it("counts names and values the way DynamoDB does", () => {
    expect(utf8Bytes("é")).toBe(2);
    expect(valueSize("abc")).toBe(3);
    expect(valueSize(true)).toBe(1);
    expect(valueSize(null)).toBe(1);
    expect(valueSize(12345)).toBe(4); // 5 significant digits → 3 bytes + 1
    expect(valueSize(0.5)).toBe(2);
    expect(valueSize(["a", "bc"])).toBe(3 + 1 + 1 + 1 + 2);
    expect(valueSize({ k: "v" })).toBe(3 + 1 + 1 + 1);
    expect(itemSize({ irn: "x", n: 1 })).toBe(3 + 1 + 1 + 2);
  });

  it("puts the seed blueprints far below the 400 KB limit", () => {
    const size = itemSize(seed("sys-entities.json"));
    expect(size).toBeGreaterThan(4000);
    expect(size).toBeLessThan(DYNAMODB_ITEM_LIMIT / 40);
    expect(formatBytes(512)).toBe("512 bytes");
    expect(formatBytes(2048)).toBe("2.0 KB");
  });
});
