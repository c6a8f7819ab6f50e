import { route } from "@/lib/http/route";
import { getBulkProgress } from "@/lib/jobs/bulk-rerun";
import { getRerunProgressOp } from "@/lib/jobs/operations";
import { jobStore } from "@/lib/jobs/store";

export const GET = route(getRerunProgressOp, async ({ params }) => getBulkProgress(await jobStore(params.env), params.id));
