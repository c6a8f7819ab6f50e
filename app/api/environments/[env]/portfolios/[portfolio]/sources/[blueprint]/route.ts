import { searchSourceOp } from "@/lib/documents/operations";
import { searchSource } from "@/lib/documents/sources";
import { dataTable } from "@/lib/documents/table";
import { getEnvironment } from "@/lib/environments/read";
import { route } from "@/lib/http/route";

export const GET = route(searchSourceOp, async ({ params, query }) =>
  searchSource(dataTable(await getEnvironment(params.env)), params.portfolio, params.blueprint, query),
);
