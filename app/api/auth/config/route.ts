import { authConfigOp } from "@/lib/auth/operations";
import { publicAuthConfig } from "@/lib/auth/public-config";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(authConfigOp, () => publicAuthConfig());
