import { route } from "@/lib/http/route";
import { getRunOp } from "@/lib/jobs/operations";
import { getRun } from "@/lib/jobs/runs-read";
import { jobStore } from "@/lib/jobs/store";

export const GET = route(getRunOp, async ({ params }) => getRun(await jobStore(params.env), params.id));
