import { route } from "@/lib/http/route";
import { checkScheduleOp } from "@/lib/jobs/operations";
import { checkSchedule } from "@/lib/jobs/schedule";

export const GET = route(checkScheduleOp, ({ query }) => {
  const check = checkSchedule(query.expression);
  return check.ok ? { ok: true, message: null, next: check.next } : { ok: false, message: check.message, next: [] };
});
