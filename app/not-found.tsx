import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl p-10">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-slate-600">There is nothing at this address.</p>
      <Link className="mt-6 inline-block text-blue-700 underline" href="/environments">
        Go to environments
      </Link>
    </main>
  );
}
