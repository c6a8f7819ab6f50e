import type { Metadata } from "next";
import { EntityDetail } from "@/components/entities/entity-detail";
import { Alert } from "@/components/ui/alert";
import { pageHasRole } from "@/lib/auth/page-role";
import { bundledEntityBlueprint, entityBlueprint } from "@/lib/entities/blueprint";
import { getEnvironment } from "@/lib/environments/read";

type Props = { params: Promise<{ env: string; type: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${(await params).type} · ${(await params).env}` };
}

/** An entity, rendered with the environment's irn:blueprint:sys:entities (the bundled one when it has none). */
export default async function EntityPage({ params }: Props) {
  const { env, type, id } = await params;
  // Only someone who may read this environment gets its blueprint read for them (the entity itself comes through the API, which checks again).
  const reader = await pageHasRole("viewer", env);
  const chosen = reader ? await getEnvironment(env).then(entityBlueprint, () => bundledEntityBlueprint("unreadable")) : bundledEntityBlueprint("unreadable");
  if (!chosen) return <Alert tone="error">The entities blueprint could not be read.</Alert>;
  return <EntityDetail env={env} type={type} id={id} blueprint={chosen.blueprint} blueprintSource={chosen.source} canManage={await pageHasRole("admin", env)} />;
}
