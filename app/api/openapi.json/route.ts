import { openApiDocument } from "@/lib/http/openapi";
import { openApiOp } from "@/lib/http/openapi-operation";
import { route } from "@/lib/http/route";

export const GET = route(openApiOp, async () => openApiDocument());
