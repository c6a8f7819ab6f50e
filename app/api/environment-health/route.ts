import { route } from "@/lib/http/route";
import { environmentsHealth } from "@/lib/provisioning/health";
import { environmentsHealthOp } from "@/lib/provisioning/operations";

export const GET = route(environmentsHealthOp, async ({ query }) => ({ items: await environmentsHealth({ fresh: query.fresh === "1" }) }));
