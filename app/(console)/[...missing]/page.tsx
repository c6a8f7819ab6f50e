import { notFound } from "next/navigation";

/** Any address no page claims: the not-found page inside the console, with status 404. */
export default function Missing() {
  notFound();
}
