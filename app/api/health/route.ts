import { healthOp } from "@/lib/auth/operations";
import { checkHealth } from "@/lib/registry/health";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(healthOp, () => checkHealth());
