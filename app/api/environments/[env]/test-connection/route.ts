import { testConnectionOp } from "@/lib/environments/operations";
import { getEnvironment } from "@/lib/environments/read";
import { testConnection } from "@/lib/environments/test-connection";
import { route } from "@/lib/http/route";

export const POST = route(testConnectionOp, async ({ params }) => testConnection(await getEnvironment(params.env)));
