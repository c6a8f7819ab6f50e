import "server-only";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import places from "@/blueprints/examples/places.json";
import visits from "@/blueprints/examples/visits.json";
import { isAwsError, toUpstreamError } from "@/lib/aws/errors";
import { SYSTEM_PORTFOLIO } from "@/lib/documents/keys";
import { createDocument } from "@/lib/documents/write";
import { clientsForEnvironment } from "@/lib/environments/aws-target";
import { getEnvironment } from "@/lib/environments/read";
import { SANDBOX_ENVIRONMENT } from "@/lib/environments/sandbox";
import { ConflictError } from "@/lib/http/errors";
import { environmentNames } from "@/lib/provisioning/names";

/**
 * The sandbox environment only: example blueprints (blueprints/examples/)
 * that exercise every widget, repeatable and multilingual values, a source and
 * a location, with a few documents each, so a newcomer sees the renderer's
 * range at once. Idempotent: fixed ids and conditional writes never overwrite
 * (an edited example stays edited; a deleted one comes back at the next
 * `sandbox init`).
 */
export const EXAMPLE_BLUEPRINTS: readonly Record<string, unknown>[] = [places, visits];

type Example = { blueprint: string; id: string; path?: string; values: Record<string, unknown> };

const PLACE = {
  eiffel: "0a5e1f00-0000-4000-8000-000000000001",
  louvre: "0a5e1f00-0000-4000-8000-000000000002",
  luxembourg: "0a5e1f00-0000-4000-8000-000000000003",
  kew: "0a5e1f00-0000-4000-8000-000000000004",
};

export const EXAMPLE_DOCUMENTS: readonly Example[] = [
  {
    blueprint: "places", id: PLACE.eiffel, path: "europe/france/paris",
    values: {
      name: { en: "Eiffel Tower", fr: "Tour Eiffel" },
      description: { en: "Wrought-iron lattice tower on the Champ de Mars.", fr: "Tour de fer puddlé sur le Champ-de-Mars." },
      category: "monument", location: { lat: 48.8584, lon: 2.2945 }, tags: ["iron", "landmark"], features: ["wheelchair", "cafe"],
      website: "https://www.toureiffel.paris", visitors: 6_200_000, opened: "1889-03-31", free_entry: false, open_now: true,
      last_inspection: "2026-06-01T09:30:00Z", opening_hours: { daily: "09:30-23:45" },
    },
  },
  {
    blueprint: "places", id: PLACE.louvre, path: "europe/france/paris",
    values: { name: { en: "Louvre Museum", fr: "Musée du Louvre" }, category: "museum", location: { lat: 48.8606, lon: 2.3376 }, tags: ["art"], features: ["wheelchair", "wifi", "cafe"], visitors: 8_700_000, opened: "1793-08-10", free_entry: false, open_now: true },
  },
  {
    blueprint: "places", id: PLACE.luxembourg, path: "europe/france/paris",
    values: { name: { en: "Luxembourg Garden", fr: "Jardin du Luxembourg" }, category: "park", location: { lat: 48.8462, lon: 2.3372 }, free_entry: true, open_now: true },
  },
  {
    blueprint: "places", id: PLACE.kew, path: "europe/united-kingdom/london",
    values: { name: { en: "Kew Gardens" }, category: "park", location: { lat: 51.4787, lon: -0.2956 }, features: ["cafe", "parking"], email: "info@kew.example", free_entry: false, open_now: true },
  },
  {
    blueprint: "visits", id: "0a5e1f00-0000-4000-8000-000000000101",
    values: { place: PLACE.eiffel, visited_at: "2026-05-14T18:00:00Z", rating: "5", notes: { en: "Went up at sunset.", fr: "Montée au coucher du soleil." }, photos: ["https://example.com/photos/eiffel-1.jpg"] },
  },
  {
    blueprint: "visits", id: "0a5e1f00-0000-4000-8000-000000000102",
    values: { place: PLACE.kew, visited_at: "2026-07-02T11:15:00Z", rating: "4" },
  },
];

export async function seedSandboxExamples(actor: string): Promise<{ blueprints: number; documents: number }> {
  const env = await getEnvironment(SANDBOX_ENVIRONMENT);
  const { documents } = clientsForEnvironment(env);
  let addedBlueprints = 0;
  let addedDocuments = 0;
  for (const blueprint of EXAMPLE_BLUEPRINTS) {
    try {
      await documents.send(
        new PutCommand({ TableName: environmentNames(env.name).tables.blueprints, Item: blueprint, ConditionExpression: "attribute_not_exists(irn)" }),
      );
      addedBlueprints++;
    } catch (err) {
      if (!isAwsError(err, "ConditionalCheckFailedException")) throw toUpstreamError(err, "adding an example blueprint");
    }
  }
  // Places before visits: a visit's place must exist (its source is checked like any write).
  for (const example of EXAMPLE_DOCUMENTS) {
    try {
      await createDocument(env, { portfolio: SYSTEM_PORTFOLIO, blueprint: example.blueprint }, { values: example.values, path: example.path }, actor, { id: example.id });
      addedDocuments++;
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
    }
  }
  return { blueprints: addedBlueprints, documents: addedDocuments };
}
