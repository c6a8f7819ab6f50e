import { route } from "@/lib/http/route";
import { readRun } from "@/lib/invites/bulk-store";
import { getBulkRunOp } from "@/lib/invites/operations";

export const GET = route(getBulkRunOp, async ({ params }) => readRun(params.env, params.runId));
