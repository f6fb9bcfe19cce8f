/** The header: brand, the main search, and the toolbar (undo, redo, layout, export, language). */
import { ActionButton } from "../actions/ActionButton.js";
import { SearchBox } from "../panels/SearchBox.js";
import { LAYOUTS, type LayoutName } from "../state/view.js";
import { ExportMenu } from "./ExportMenu.js";
import { useExplorer } from "./explorer.js";
import "./Header.css";

function Brand({ title, subtitle }: { title: string; subtitle: string }) {
  return (
    <div className="brand">
      <svg width="28" height="28" viewBox="0 0 64 64" aria-hidden="true">
        <rect width="64" height="64" rx="14" fill="#1f2a44" />
        <g stroke="#9fb3d9" strokeWidth="3">
          <line x1="18" y1="20" x2="44" y2="18" />
          <line x1="18" y1="20" x2="30" y2="44" />
          <line x1="44" y1="18" x2="30" y2="44" />
        </g>
        <circle cx="18" cy="20" r="7" fill="#4e79a7" />
        <circle cx="44" cy="18" r="7" fill="#e15759" />
        <circle cx="30" cy="44" r="7" fill="#59a14f" />
      </svg>
      <div>
        <h1>{title}</h1>
        <p>{subtitle}</p>
      </div>
    </div>
  );
}

function LayoutSelect() {
  const { atlas, i18n } = useExplorer();
  const { t } = i18n;
  return (
    <label className="layout-select">
      <span className="visually-hidden">{t.layout}</span>
      <select value={atlas.view.layout} onChange={(e) => atlas.actions.setLayout(e.target.value as LayoutName)} data-testid="layout">
        {LAYOUTS.map((l) => (
          <option key={l} value={l}>
            {t.layout}: {t.layouts[l]}
          </option>
        ))}
      </select>
    </label>
  );
}

function LanguageButton() {
  const { atlas, i18n, perform } = useExplorer();
  const { t } = i18n;
  const lang = atlas.view.lang;
  return (
    <button type="button" className="lang" onClick={() => perform("toggleLanguage")} title={t.switchLanguageLabel} data-testid="lang">
      <span lang={lang === "en" ? "zh-CN" : "en"}>{t.switchLanguage}</span>
      <span className="visually-hidden"> ({t.switchLanguageLabel})</span>
    </button>
  );
}

export function Header() {
  const { atlas, i18n, onApiError } = useExplorer();
  const { t } = i18n;
  return (
    <header className="top">
      <Brand title={t.title} subtitle={t.subtitle} />
      <div className="top-search">
        <SearchBox
          label={t.searchLabel}
          hideLabel
          placeholder={t.searchPlaceholder}
          ontology={atlas.ontology}
          onPick={atlas.actions.focusEntity}
          onError={onApiError}
          testId="search"
        />
      </div>
      <nav className="toolbar" aria-label={t.actions}>
        <ActionButton name="undo" />
        <ActionButton name="redo" />
        <LayoutSelect />
        <ExportMenu />
        <LanguageButton />
      </nav>
    </header>
  );
}
