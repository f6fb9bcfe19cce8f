/** Filters: entity kinds, relation types, countries, claim status, and the "as of" date slider. */
import { useEffect, useRef, useState } from "react";
import { type OntologyInfo, STATUSES, type Status } from "../api/types.js";
import { AS_OF_FIRST_YEAR, currentMonth, indexToMonth, monthIndex } from "../graph/dates.js";
import { fill, useI18n } from "../i18n/index.js";
import { emptyFilters, type Filters, filtersActive, NO_COUNTRY } from "../state/view.js";
import { Check, toggle } from "./Check.js";
import { KindSwatch } from "./Legend.js";
import "./FiltersPanel.css";

export interface FiltersPanelProps {
  ontology: OntologyInfo;
  filters: Filters;
  onChange(filters: Filters): void;
  /** What is on the canvas (before filtering), with counts. */
  kindCounts: ReadonlyMap<string, number>;
  typeCounts: ReadonlyMap<string, number>;
  countryCounts: ReadonlyMap<string, number>;
  statusCounts: ReadonlyMap<string, number>;
  filteredOut: number;
}

export function FiltersPanel({ ontology, filters, onChange, kindCounts, typeCounts, countryCounts, statusCounts, filteredOut }: FiltersPanelProps) {
  const { t, lang, country } = useI18n();
  const lastMonth = currentMonth();
  const max = monthIndex(lastMonth);
  // The slider moves freely; the view changes (one undo step) once it rests.
  const [month, setMonth] = useState(filters.asOf ?? lastMonth);
  const pending = useRef<number | undefined>(undefined);
  useEffect(() => setMonth(filters.asOf ?? lastMonth), [filters.asOf, lastMonth]);

  const commitMonth = (value: string) => {
    window.clearTimeout(pending.current);
    pending.current = window.setTimeout(() => onChange({ ...filters, asOf: value }), 250);
  };

  const types = ontology.relationTypes.filter((r) => typeCounts.has(r.type) || filters.types.includes(r.type));
  const countries = [...new Set([...countryCounts.keys(), ...filters.countries])].sort((a, b) =>
    country(a === NO_COUNTRY ? "" : a).localeCompare(country(b === NO_COUNTRY ? "" : b)),
  );

  return (
    <div className="filters" data-testid="filters">
      <p className="muted">{t.filtersIntro}</p>
      {filteredOut > 0 && (
        <p className="notice" role="status">
          {fill(t.filteredOut, { n: filteredOut })}
        </p>
      )}
      <fieldset>
        <legend>{t.kinds}</legend>
        {ontology.kinds.map((k) => (
          <Check
            key={k.kind}
            checked={!filters.kinds.includes(k.kind)}
            onChange={() => onChange({ ...filters, kinds: toggle(filters.kinds, k.kind) })}
            count={kindCounts.get(k.kind) ?? 0}
            testId={`filter-kind-${k.kind}`}
          >
            <KindSwatch kind={k.kind} ontology={ontology} />
            {lang === "zh" ? k.labelZh : k.label}
          </Check>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t.statuses}</legend>
        {STATUSES.map((s: Status) => (
          <Check
            key={s}
            checked={!filters.statuses.includes(s)}
            onChange={() => onChange({ ...filters, statuses: toggle(filters.statuses, s) })}
            count={statusCounts.get(s) ?? 0}
            testId={`filter-status-${s}`}
          >
            <span className={`status status-${s}`}>{t.statusNames[s]}</span>
          </Check>
        ))}
      </fieldset>
      <fieldset className="as-of">
        <legend>{t.asOf}</legend>
        <Check checked={Boolean(filters.asOf)} onChange={() => onChange({ ...filters, asOf: filters.asOf ? undefined : month })} testId="asof-enable">
          {t.asOfEnable}
        </Check>
        <div className="slider-row">
          <input
            type="range"
            className="slider"
            min={0}
            max={max}
            step={1}
            value={monthIndex(month)}
            disabled={!filters.asOf}
            aria-label={t.asOf}
            aria-valuetext={month}
            data-testid="asof-slider"
            onChange={(e) => {
              const value = indexToMonth(Number(e.target.value));
              setMonth(value);
              commitMonth(value);
            }}
          />
          <output data-testid="asof-value" aria-live="polite">
            {filters.asOf ? fill(t.asOfValue, { date: month }) : "—"}
          </output>
        </div>
        <div className="slider-scale" aria-hidden="true">
          <span>{AS_OF_FIRST_YEAR}</span>
          <span>{lastMonth.slice(0, 4)}</span>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t.relationTypes}</legend>
        {types.length === 0 && <p className="muted">{t.onlyInView}</p>}
        {types.map((r) => (
          <Check
            key={r.type}
            checked={!filters.types.includes(r.type)}
            onChange={() => onChange({ ...filters, types: toggle(filters.types, r.type) })}
            count={typeCounts.get(r.type) ?? 0}
            testId={`filter-type-${r.type}`}
          >
            <span className="line-swatch" style={{ background: r.colour }} aria-hidden="true" />
            {lang === "zh" ? r.labelZh : r.label}
          </Check>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t.countries}</legend>
        {countries.length === 0 && <p className="muted">{t.onlyInView}</p>}
        {countries.map((c) => (
          <Check
            key={c}
            checked={!filters.countries.includes(c)}
            onChange={() => onChange({ ...filters, countries: toggle(filters.countries, c) })}
            count={countryCounts.get(c) ?? 0}
            testId={`filter-country-${c}`}
          >
            {c === NO_COUNTRY ? t.noCountry : `${country(c)} (${c})`}
          </Check>
        ))}
      </fieldset>
      <button type="button" onClick={() => onChange(emptyFilters())} disabled={!filtersActive(filters)} data-testid="filters-reset">
        {t.resetFilters}
      </button>
    </div>
  );
}
