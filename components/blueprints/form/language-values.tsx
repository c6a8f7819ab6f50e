"use client";

import type { ReactNode } from "react";
import { isEmptyItem, type ShapedFormValue } from "@/lib/blueprints/form-values";

/** Whether one language's value counts as filled in (for the completeness indicator). */
export function isFilled(value: ShapedFormValue | undefined): boolean {
  if (value === undefined) return false;
  if (Array.isArray(value)) return value.some((item) => !isEmptyItem(item));
  return typeof value === "boolean" ? true : !isEmptyItem(value);
}

/** Where a language's error message goes beside its input (see LanguageValues' grid). */
export const languageErrorClass = "sm:col-start-2";

const badgeBase = "inline-flex w-14 shrink-0 items-center gap-1 rounded px-1.5 py-0.5 text-xs font-semibold sm:mt-2";
const badgeFilled = `${badgeBase} bg-green-100 text-green-900 dark:bg-green-900 dark:text-green-100`;
const badgeEmpty = `${badgeBase} bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300`;

/**
 * One block per language of a multilingual field, each with a filled/missing
 * marker, and a summary ("2 of 3 languages") announced politely as it changes.
 * Each language is one grid row (marker, then the input and its error), with
 * no wrapper around the input: a long form has hundreds of these, and every
 * element and text node counts when it mounts (npm run bench:forms).
 */
export function LanguageValues({
  id, languages, values, render,
}: {
  id: string;
  languages: string[];
  values: Record<string, ShapedFormValue>;
  /** The input(s) of one language, then its error message (with languageErrorClass) if any. */
  render: (lang: string, value: ShapedFormValue | undefined) => ReactNode;
}) {
  const filled = languages.filter((lang) => isFilled(values[lang]));
  return (
    <div className="flex flex-col gap-2">
      <p id={`${id}-languages`} aria-live="polite" className="text-xs text-slate-600 dark:text-slate-400">
        {`${filled.length} of ${languages.length} ${languages.length === 1 ? "language" : "languages"} filled`}
      </p>
      {languages.map((lang) => {
        const done = filled.includes(lang);
        return (
          <div key={lang} className="grid grid-cols-1 items-start gap-1 sm:grid-cols-[auto_minmax(0,1fr)] sm:gap-x-2">
            <span className={done ? badgeFilled : badgeEmpty}>
              <span aria-hidden>{done ? "✓" : "○"}</span>
              {lang}
              <span className="sr-only">{done ? " (filled)" : " (empty)"}</span>
            </span>
            {render(lang, values[lang])}
          </div>
        );
      })}
    </div>
  );
}
