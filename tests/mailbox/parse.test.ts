import { describe, expect, it } from "vitest";
import { parseMotoMailbox } from "@/lib/mailbox/parse";

describe("sandbox mailbox", () => {
  it("reads the emulator's messages newest first and tells HTML from text", () => {
    const mails = parseMotoMailbox({
      ses: {
        Message: [
          { id: "1", source: "a@x.test", subject: "first", body: "plain <b>not html</b>", destinations: { ToAddresses: ["u@x.test"] } },
          { id: "2", source: "a@x.test", subject: "second", body: "<!doctype html><p>hi</p>", destinations: { ToAddresses: ["v@x.test"], CcAddresses: ["w@x.test"] } },
        ],
      },
    });
    expect(mails.map((m) => [m.id, m.format, m.to])).toEqual([["2", "html", ["v@x.test", "w@x.test"]], ["1", "text", ["u@x.test"]]]);
    expect(parseMotoMailbox({})).toEqual([]);
    expect(parseMotoMailbox(null)).toEqual([]);
  });
});
