import { route } from "@/lib/http/route";
import { runStatsOp } from "@/lib/jobs/operations";
import { runStats } from "@/lib/jobs/runs-read";
import { jobStore } from "@/lib/jobs/store";

export const GET = route(runStatsOp, async ({ params, query }) => runStats(await jobStore(params.env), query.days));
