import { environmentContext } from "@/lib/entities/context";
import { route } from "@/lib/http/route";
import { reconcileOp } from "@/lib/reconcile/operations";
import { reconcile } from "@/lib/reconcile/service";

export const GET = route(reconcileOp, async ({ params }) => reconcile(await environmentContext(params.env)));
