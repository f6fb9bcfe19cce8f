/** A relation's evidence in the source's own words: the original first, its translation one click away. */
import type { Quote } from "../api/types.js";
import { useI18n } from "../i18n/index.js";
import { safeUrl } from "./safe-url.js";

export function QuoteList({ quotes }: { quotes: readonly Quote[] }) {
  const { t } = useI18n();
  if (quotes.length === 0) return null;
  return (
    <ul className="quotes" aria-label={t.quotes}>
      {quotes.map((q) => {
        const href = safeUrl(q.source.url);
        return (
          <li key={`${q.source.id}:${q.text}`} className="quote">
            <blockquote lang={q.language === "zh" ? "zh-CN" : q.language} cite={href}>
              {q.text}
            </blockquote>
            <p className="quote-source">
              —{" "}
              {href ? (
                <a href={href} target="_blank" rel="noopener noreferrer">
                  {q.source.title}
                </a>
              ) : (
                q.source.title
              )}
            </p>
            <details className="quote-translation">
              <summary>{t.showTranslation}</summary>
              <p lang={q.language === "zh" ? "en" : "zh-CN"}>
                <span className="visually-hidden">{t.translation}: </span>
                {q.translation}
              </p>
            </details>
          </li>
        );
      })}
    </ul>
  );
}
