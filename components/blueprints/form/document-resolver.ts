import { zodResolver } from "@hookform/resolvers/zod";
import type { Resolver } from "react-hook-form";
import { buildDocumentSchema, type DocumentValues } from "@/lib/blueprints/document-schema";
import type { FormModel } from "@/lib/blueprints/form-model";

/**
 * The react-hook-form resolver of a blueprint: the one document schema the
 * server also validates with. Its own module because it is most of zod: the
 * form imports it dynamically (see blueprint-form.tsx), after first paint.
 */
export function documentResolver(model: FormModel): Resolver<Record<string, unknown>, unknown, DocumentValues> {
  return zodResolver(buildDocumentSchema(model, { languages: model.languages }));
}
