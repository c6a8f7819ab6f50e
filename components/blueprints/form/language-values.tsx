"use client";

import type { ReactNode } from "react";
import { isEmptyItem, type ShapedFormValue } from "@/lib/blueprints/form-values";

/** Whether one language's value counts as filled in (for the completeness indicator). */
export function isFilled(value: ShapedFormValue | undefined): boolean {
  if (value === undefined) return false;
  if (Array.isArray(value)) return value.some((item) => !isEmptyItem(item));
  return typeof value === "boolean" ? true : !isEmptyItem(value);
}

/**
 * One block per language of a multilingual field, each with a filled/missing
 * marker, and a summary ("2 of 3 languages") announced politely as it changes.
 */
export function LanguageValues({
  id, languages, values, render,
}: {
  id: string;
  languages: string[];
  values: Record<string, ShapedFormValue>;
  render: (lang: string, value: ShapedFormValue | undefined) => ReactNode;
}) {
  const filled = languages.filter((lang) => isFilled(values[lang]));
  return (
    <div className="flex flex-col gap-2">
      <p id={`${id}-languages`} aria-live="polite" className="text-xs text-slate-600 dark:text-slate-400">
        {filled.length} of {languages.length} {languages.length === 1 ? "language" : "languages"} filled
      </p>
      {languages.map((lang) => {
        const done = filled.includes(lang);
        return (
          <div key={lang} className="flex flex-col gap-1 sm:flex-row sm:items-start sm:gap-2">
            <span
              className={`inline-flex w-14 shrink-0 items-center gap-1 rounded px-1.5 py-0.5 text-xs font-semibold sm:mt-2 ${
                done ? "bg-green-100 text-green-900 dark:bg-green-900 dark:text-green-100" : "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300"
              }`}
            >
              <span aria-hidden>{done ? "✓" : "○"}</span>
              {lang}
              <span className="sr-only">{done ? " (filled)" : " (empty)"}</span>
            </span>
            <div className="min-w-0 flex-1">{render(lang, values[lang])}</div>
          </div>
        );
      })}
    </div>
  );
}
