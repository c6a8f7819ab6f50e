import type { Metadata } from "next";
import sysEntities from "@/blueprints/sys-entities.json";
import { EntityDetail } from "@/components/entities/entity-detail";
import { Alert } from "@/components/ui/alert";
import { pageHasRole } from "@/lib/auth/page-role";
import { parseBlueprint } from "@/lib/blueprints/types";

type Props = { params: Promise<{ env: string; type: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${(await params).type} · ${(await params).env}` };
}

/** An entity, rendered with the irn:blueprint:sys:entities blueprint (the setup document's version). */
export default async function EntityPage({ params }: Props) {
  const { env, type, id } = await params;
  const blueprint = parseBlueprint(sysEntities);
  if (!blueprint.success) return <Alert tone="error">The entities blueprint could not be read.</Alert>;
  return <EntityDetail env={env} type={type} id={id} blueprint={blueprint.data} canManage={await pageHasRole("admin", env)} />;
}
