"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { card, link, muted } from "@/components/entities/styles";
import { api } from "@/lib/http/client";

type BlueprintSummary = { irn: string; name: string; label: string };

/**
 * A portfolio's way into its documents: documents live in `<env>_data` under
 * the portfolio's id (docs/data-model.md), one list per blueprint. System
 * blueprints (entities, jobs) keep their documents in portfolio `sys`.
 */
export function PortfolioDocuments({ env, portfolioId }: { env: string; portfolioId: string }) {
  const blueprints = useQuery({
    queryKey: ["entities", env, "portfolio-blueprints"],
    queryFn: () => api<{ items: BlueprintSummary[] }>(`/api/environments/${encodeURIComponent(env)}/blueprints`),
  });
  const items = (blueprints.data?.items ?? []).filter((b) => !b.irn.startsWith("irn:blueprint:sys:"));
  return (
    <section aria-labelledby="portfolio-docs" className={card}>
      <h2 id="portfolio-docs" className="mb-2 text-lg font-semibold">Documents</h2>
      {blueprints.isError ? <Alert tone="error">{blueprints.error.message}</Alert> : null}
      {blueprints.isPending ? <p role="status" className={`text-sm ${muted}`}>Loading blueprints…</p> : null}
      {blueprints.data && items.length === 0 ? <p className={`text-sm ${muted}`}>This environment has no blueprints for documents yet.</p> : null}
      {items.length ? (
        <ul className="flex flex-col gap-1 text-sm">
          {items.map((b) => (
            <li key={b.irn}>
              <Link className={link} href={`/environments/${encodeURIComponent(env)}/portfolios/${encodeURIComponent(portfolioId)}/docs/${encodeURIComponent(b.name)}`}>
                {b.label || b.name}
              </Link>{" "}
              <span className={muted}>documents in this portfolio</span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
