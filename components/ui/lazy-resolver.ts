import type { FieldValues, Resolver } from "react-hook-form";
import type { z } from "zod";

/**
 * A react-hook-form resolver for a shared zod schema that loads zod (and the
 * schema's module) at the first validation instead of with the page: zod is
 * about 45 kB gzip, a quarter of a page's first-load budget. The form still
 * validates with exactly the server's schema.
 */
export function lazyZodResolver<T extends FieldValues>(load: () => Promise<z.ZodType>): Resolver<T> {
  let resolver: Promise<Resolver<T>> | undefined;
  return async (values, context, options) => {
    resolver ??= Promise.all([load(), import("@hookform/resolvers/zod")]).then(
      ([schema, { zodResolver }]) => zodResolver(schema as z.ZodType<T, T>) as unknown as Resolver<T>,
    );
    return (await resolver)(values, context, options);
  };
}
