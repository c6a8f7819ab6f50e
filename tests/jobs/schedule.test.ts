import { describe, expect, it } from "vitest";
import { checkSchedule } from "@/lib/jobs/schedule";
import { jobTypeInputSchema } from "@/lib/jobs/schema";

const now = new Date("2026-03-04T10:07:00Z"); // a Wednesday

describe("schedule expressions", () => {
  it("gives the next five times of a rate", () => {
    const check = checkSchedule("rate(5 minutes)", now);
    expect(check).toEqual({ ok: true, next: ["2026-03-04T10:12:00.000Z", "2026-03-04T10:17:00.000Z", "2026-03-04T10:22:00.000Z", "2026-03-04T10:27:00.000Z", "2026-03-04T10:32:00.000Z"] });
    expect(checkSchedule("rate(1 minutes)", now)).toMatchObject({ ok: false, message: expect.stringMatching(/singular/) });
    expect(checkSchedule("rate(0 hours)", now)).toMatchObject({ ok: false });
  });

  it("reads the six-field AWS cron form with 1 = Sunday", () => {
    expect(checkSchedule("cron(0 12 * * ? *)", now)).toMatchObject({ ok: true, next: ["2026-03-04T12:00:00.000Z", "2026-03-05T12:00:00.000Z", expect.any(String), expect.any(String), expect.any(String)] });
    // 2 = Monday in AWS numbering.
    const mondays = checkSchedule("cron(30 8 ? * 2 *)", now);
    expect(mondays.ok && mondays.next.map((d) => new Date(d).getUTCDay())).toEqual([1, 1, 1, 1, 1]);
    const weekdays = checkSchedule("cron(0 9 ? * MON-FRI *)", now);
    expect(weekdays.ok && weekdays.next[0]).toBe("2026-03-05T09:00:00.000Z");
    const year = checkSchedule("cron(0 0 1 1 ? 2027)", now);
    expect(year).toEqual({ ok: true, next: ["2027-01-01T00:00:00.000Z"] });
  });

  it("refuses bad expressions with a message that says what to fix", () => {
    expect(checkSchedule("cron(0 12 * * *)", now)).toMatchObject({ ok: false, message: expect.stringMatching(/6 fields/) });
    expect(checkSchedule("cron(0 12 * * * *)", now)).toMatchObject({ ok: false, message: expect.stringMatching(/\? in exactly one/) });
    expect(checkSchedule("cron(99 12 * * ? *)", now)).toMatchObject({ ok: false, message: expect.stringMatching(/not valid/) });
    expect(checkSchedule("every day", now)).toMatchObject({ ok: false, message: expect.stringMatching(/rate\(…\) or cron\(…\)/) });
  });

  it("is checked by the job type schema", () => {
    const base = { name: "n", status: "available", handler: "/h", type: "control" };
    expect(jobTypeInputSchema.safeParse({ ...base, schedule: "cron(0 12 * * *)" }).success).toBe(false);
    expect(jobTypeInputSchema.parse({ ...base, schedule: "" }).schedule).toBeUndefined();
    expect(jobTypeInputSchema.parse({ ...base, schedule: "rate(1 day)" }).schedule).toBe("rate(1 day)");
  });
});
