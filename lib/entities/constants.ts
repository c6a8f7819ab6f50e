/** Entity types and the fields a list searches by, without zod so list pages can use them cheaply. */
export const ENTITY_TYPES = ["user", "org", "team", "portfolio", "app"] as const;
export const SEARCH_FIELDS = ["name", "email", "handle"] as const;
