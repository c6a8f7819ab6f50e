import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";

export const openApiOp = defineOperation({
  id: "getOpenApi",
  method: "GET",
  path: "/api/openapi.json",
  summary: "This API's OpenAPI 3.1 document, generated from the same zod schemas the routes use",
  tag: "System",
  role: "public",
  response: z.record(z.string(), z.unknown()),
});
