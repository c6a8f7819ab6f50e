import { CronExpressionParser } from "cron-parser";

/**
 * EventBridge schedule expressions: `rate(5 minutes)` or the six-field AWS
 * cron form `cron(min hour day-of-month month day-of-week year)`, where one of
 * day-of-month / day-of-week must be `?` and day-of-week counts 1 = Sunday.
 * Validated here with a message a person can act on, and turned into the next
 * run times with cron-parser (which uses the Unix numbering). Pure.
 */
export type ScheduleCheck = { ok: true; next: string[] } | { ok: false; message: string };

const RATE = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/;
const CRON = /^cron\((.*)\)$/;
const UNIT_MS = { minute: 60_000, hour: 3_600_000, day: 86_400_000 } as const;

const EXAMPLES = "Use rate(5 minutes), rate(1 hour) or cron(0 12 * * ? *) (minutes hours day-of-month month day-of-week year).";

function checkRate(m: RegExpExecArray, now: Date, count: number): ScheduleCheck {
  const value = Number(m[1]);
  const unitWord = m[2] ?? "minutes";
  if (value < 1) return { ok: false, message: "A rate is at least 1." };
  const singular = unitWord.replace(/s$/, "") as keyof typeof UNIT_MS;
  if (value === 1 && unitWord.endsWith("s")) return { ok: false, message: `Write rate(1 ${singular}) in the singular.` };
  if (value > 1 && !unitWord.endsWith("s")) return { ok: false, message: `Write rate(${value} ${singular}s) in the plural.` };
  const step = value * UNIT_MS[singular];
  return { ok: true, next: Array.from({ length: count }, (_, i) => new Date(now.getTime() + (i + 1) * step).toISOString()) };
}

/** AWS day-of-week 1–7 (SUN–SAT) to Unix 0–6; names pass through. */
function unixDayOfWeek(field: string): string {
  return field.replace(/\d+/g, (d) => String((Number(d) + 6) % 7));
}

function checkCron(body: string, now: Date, count: number): ScheduleCheck {
  const fields = body.trim().split(/\s+/);
  if (fields.length !== 6) {
    return { ok: false, message: `A cron expression has 6 fields (minutes hours day-of-month month day-of-week year); this one has ${fields.length}. ${EXAMPLES}` };
  }
  const [minute, hour, dom, month, dow, year] = fields as [string, string, string, string, string, string];
  if ((dom === "?") === (dow === "?")) {
    return { ok: false, message: "Use ? in exactly one of day-of-month (3rd field) and day-of-week (5th field), e.g. cron(0 12 * * ? *)." };
  }
  if (/[^0-9*,/-]/.test(year)) return { ok: false, message: "The year (6th field) takes digits, *, ranges, lists or steps." };
  if (/\d+/.test(dow) && (dow.match(/\d+/g) ?? []).some((d) => Number(d) < 1 || Number(d) > 7) && !dow.includes("#")) {
    return { ok: false, message: "Day-of-week (5th field) runs from 1 (Sunday) to 7 (Saturday), or SUN–SAT." };
  }
  const unix = `0 ${minute} ${hour} ${dom === "?" ? "*" : dom} ${month} ${dow === "?" ? "*" : unixDayOfWeek(dow)}`;
  try {
    const expression = CronExpressionParser.parse(unix, { currentDate: now, tz: "UTC", strict: false });
    const years = year === "*" ? undefined : new Set(expandYears(year));
    const next: string[] = [];
    for (let guard = 0; next.length < count && guard < 10_000 && expression.hasNext(); guard++) {
      const at = expression.next().toDate();
      if (years && !years.has(at.getUTCFullYear())) {
        if (Math.max(...years) < at.getUTCFullYear()) break;
        continue;
      }
      next.push(at.toISOString());
    }
    if (next.length === 0) return { ok: false, message: "This cron expression never fires in the future." };
    return { ok: true, next };
  } catch (err) {
    const detail = err instanceof Error ? err.message : "";
    return { ok: false, message: `The cron expression is not valid${detail ? ` (${detail})` : ""}. ${EXAMPLES}` };
  }
}

function expandYears(field: string): number[] {
  const out: number[] = [];
  for (const part of field.split(",")) {
    const [range, stepText] = part.split("/");
    const step = Number(stepText ?? 1) || 1;
    const [a, b] = (range ?? "").split("-").map(Number);
    const start = a ?? 1970;
    const end = b ?? (stepText ? 2199 : start);
    for (let y = start; y <= end; y += step) out.push(y);
  }
  return out;
}

export function checkSchedule(expression: string, now = new Date(), count = 5): ScheduleCheck {
  const text = expression.trim();
  const rate = RATE.exec(text);
  if (rate) return checkRate(rate, now, count);
  if (text.startsWith("rate(")) return { ok: false, message: `A rate is a whole number and minute(s), hour(s) or day(s). ${EXAMPLES}` };
  const cron = CRON.exec(text);
  if (cron) return checkCron(cron[1] ?? "", now, count);
  return { ok: false, message: `A schedule is rate(…) or cron(…). ${EXAMPLES}` };
}
