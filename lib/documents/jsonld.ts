import type { FormModel } from "@/lib/blueprints/form-model";
import type { DocumentView } from "@/lib/documents/schema";

/**
 * JSON-LD export of one blueprint's documents. Each field becomes a term of
 * the @context mapped to its `semantic` URI, so documents keep their field
 * names and two fields with the same semantic (the seed's `hs:time`) stay
 * apart. Full URIs (schema.org) stay full IRIs; compact ones (`hs:name`) stay
 * compact, with their prefix defined only when it is known: an unknown prefix
 * is left undefined rather than guessed. A field without a semantic maps into
 * the blueprint's own namespace. Pure.
 */
export const KNOWN_PREFIXES: Record<string, string> = {
  schema: "https://schema.org/",
  xsd: "http://www.w3.org/2001/XMLSchema#",
  rdfs: "http://www.w3.org/2000/01/rdf-schema#",
  dcterms: "http://purl.org/dc/terms/",
  foaf: "http://xmlns.com/foaf/0.1/",
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Blueprintish = { irn: string; uri?: string };

function blueprintIri(blueprint: Blueprintish): string {
  return blueprint.uri && /^https?:\/\//.test(blueprint.uri) ? blueprint.uri : blueprint.irn;
}

function termIri(semantic: string, fallback: string): string {
  const text = semantic.trim();
  if (/^https?:\/\//.test(text)) return text;
  if (/^[A-Za-z][\w.-]*:[^\s/][^\s]*$/.test(text)) return text;
  return fallback;
}

type TermDefinition = { "@id": string; "@container"?: "@language" | "@set"; "@type"?: string };

export function jsonLdContext(model: FormModel, blueprint: Blueprintish): Record<string, unknown> {
  const namespace = `${blueprintIri(blueprint)}#`;
  const context: Record<string, unknown> = {};
  const usedPrefixes = new Set<string>();
  for (const field of model.fields) {
    const iri = termIri(field.semantic?.text ?? "", `${namespace}${field.name}`);
    const prefix = /^([A-Za-z][\w.-]*):/.exec(iri)?.[1];
    if (prefix && !/^https?$/.test(prefix)) usedPrefixes.add(prefix);
    const term: TermDefinition = { "@id": iri };
    if (field.multilingual && !["json", "geo"].includes(field.valueType)) term["@container"] = "@language";
    else if (field.valueType === "json" || field.valueType === "geo") term["@type"] = "@json";
    else if (field.valueType === "date") term["@type"] = "xsd:date";
    else if (field.valueType === "datetime") term["@type"] = "xsd:dateTime";
    else if (field.multiple) term["@container"] = "@set";
    context[field.name] = term;
  }
  const prefixes: Record<string, string> = {};
  for (const [prefix, iri] of Object.entries(KNOWN_PREFIXES)) {
    if (prefix === "xsd" || usedPrefixes.has(prefix)) prefixes[prefix] = iri;
  }
  return { ...prefixes, ...context };
}

export function toJsonLd(model: FormModel, blueprint: Blueprintish, docs: DocumentView[]): Record<string, unknown> {
  const type = blueprintIri(blueprint);
  return {
    "@context": jsonLdContext(model, blueprint),
    "@graph": docs.map((doc) => {
      const node: Record<string, unknown> = { "@id": UUID.test(doc.id) ? `urn:uuid:${doc.id}` : `_:${doc.id}`, "@type": type };
      for (const field of model.fields) {
        const value = doc.values[field.name];
        if (value !== undefined && value !== null && value !== "") node[field.name] = value;
      }
      return node;
    }),
  };
}
