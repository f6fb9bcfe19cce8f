/**
 * Text the graph holds in English and Chinese (a description, a note): the reader's language first,
 * the other one click away. When only one language exists, that one is shown, marked with its lang.
 */
import { useState } from "react";
import { useI18n } from "../i18n/index.js";

export function Bilingual({ en, zh, className }: { en?: string | null | undefined; zh?: string | null | undefined; className?: string }) {
  const { t, lang } = useI18n();
  const [other, setOther] = useState(false);
  const first = lang === "zh" ? (zh ?? en) : (en ?? zh);
  if (!first) return null;
  const firstLang = first === zh ? "zh-CN" : "en";
  const second = first === zh ? en : zh;
  return (
    <div className={className}>
      <p lang={firstLang}>
        {first}
        {second && (
          <>
            {" "}
            <button
              type="button"
              className="link-button other-language"
              aria-expanded={other}
              aria-label={`${t.otherLanguage}: ${t.otherLanguageLabel}`}
              onClick={() => setOther(!other)}
            >
              {t.otherLanguage}
            </button>
          </>
        )}
      </p>
      {second && other && (
        <p className="other-language-text" lang={firstLang === "en" ? "zh-CN" : "en"}>
          {second}
        </p>
      )}
    </div>
  );
}
