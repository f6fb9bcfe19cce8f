/** The explorer's frame: header (search, history, layout, export, language), canvas, side panels. */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ApiError } from "./api/client.js";
import type { PathResult } from "./api/types.js";
import { toElements } from "./graph/elements.js";
import { toGraphML, toJSONExport } from "./graph/export.js";
import { GraphView, type GraphViewHandle } from "./graph/GraphView.js";
import { graphStyle } from "./graph/style.js";
import { LAYOUTS, type LayoutName, NO_COUNTRY, neighboursOffCanvas, PANELS, type PanelName, visibleGraph } from "./graph/view.js";
import { fill, I18nContext, makeI18n } from "./i18n/index.js";
import { DetailsPanel, type NodeActions } from "./panels/DetailsPanel.js";
import { FiltersPanel } from "./panels/FiltersPanel.js";
import { Legend } from "./panels/Legend.js";
import { ListView } from "./panels/ListView.js";
import { PathFinder } from "./panels/PathFinder.js";
import { SearchBox } from "./panels/SearchBox.js";
import { SuggestPanel } from "./panels/SuggestPanel.js";
import { useAtlas } from "./useAtlas.js";

const SUGGESTIONS = ["Huawei", "华为", "NVIDIA", "DeepSeek", "CloudMatrix"];

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return Boolean(el && (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT" || el.isContentEditable));
}

export function App() {
  const atlas = useAtlas();
  const { view, ontology, store, actions, version } = atlas;
  const i18n = useMemo(() => makeI18n(view.lang), [view.lang]);
  const { t } = i18n;
  const graphRef = useRef<GraphViewHandle>(null);
  const [flash, setFlash] = useState("");

  const chosenPaths: PathResult[] = useMemo(() => {
    const chosen = atlas.pathIndex !== undefined ? atlas.paths[atlas.pathIndex] : undefined;
    return chosen ? [chosen] : atlas.paths;
  }, [atlas.paths, atlas.pathIndex]);
  const pathNodes = useMemo(() => new Set(chosenPaths.flatMap((p) => p.nodes.map((n) => n.id))), [chosenPaths]);
  const pathEdges = useMemo(() => new Set(chosenPaths.flatMap((p) => p.edges.map((e) => e.id))), [chosenPaths]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` marks new data in the (mutable) store
  const visible = useMemo(() => visibleGraph(view, store, pathNodes), [view, store, pathNodes, version]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` marks new data in the (mutable) store
  const elements = useMemo(
    () =>
      ontology
        ? toElements(visible, ontology, {
            lang: view.lang,
            selected: view.selected,
            pinned: view.pinned,
            expanded: view.expanded,
            pathNodes,
            pathEdges,
            more: (id) => neighboursOffCanvas(view, store, id),
          })
        : [],
    [visible, ontology, view, pathNodes, pathEdges, store, version],
  );
  const stylesheet = useMemo(() => (ontology ? graphStyle(ontology) : []), [ontology]);

  // What is on the canvas before filtering, for the filter counts.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` marks new data in the (mutable) store
  const counts = useMemo(() => {
    const kinds = new Map<string, number>();
    const countries = new Map<string, number>();
    const types = new Map<string, number>();
    const statuses = new Map<string, number>();
    const onCanvas = new Set(view.nodes);
    for (const id of view.nodes) {
      const e = store.entities.get(id);
      if (!e) continue;
      kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
      const c = e.country ?? NO_COUNTRY;
      countries.set(c, (countries.get(c) ?? 0) + 1);
    }
    for (const r of store.relations.values()) {
      if (!onCanvas.has(r.from.id) || !onCanvas.has(r.to.id)) continue;
      types.set(r.type, (types.get(r.type) ?? 0) + 1);
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    }
    return { kinds, countries, types, statuses };
  }, [view.nodes, store, version]);

  const kindsInView = useMemo(() => new Set(visible.nodes.map((n) => n.kind)), [visible]);

  const selected = view.selected;
  const onCanvas = Boolean(selected && view.nodes.includes(selected));
  const nodeActions: NodeActions | undefined = selected
    ? {
        onExpand: () => (onCanvas ? actions.expand(selected) : actions.bringIn(selected)),
        onShowMore: view.expanded[selected] !== undefined && store.truncated.get(selected) ? () => actions.expand(selected, true) : undefined,
        onCollapse: () => actions.collapse(selected),
        onHide: () => actions.hide(selected),
        onPin: () => actions.pin(selected, graphRef.current?.positionOf(selected) ?? [0, 0]),
        expanded: view.expanded[selected] !== undefined,
        pinned: selected in view.pinned,
        onCanvas,
        moreOffCanvas: neighboursOffCanvas(view, store, selected),
      }
    : undefined;

  // Undo/redo from anywhere except while typing.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || !(e.ctrlKey || e.metaKey)) return;
      const key = e.key.toLowerCase();
      if (key === "z" && !e.shiftKey) {
        e.preventDefault();
        actions.undo();
      } else if ((key === "z" && e.shiftKey) || key === "y") {
        e.preventDefault();
        actions.redo();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [actions]);

  const onCanvasKey = useCallback(
    (e: React.KeyboardEvent<HTMLDivElement>) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const graph = graphRef.current;
      if (!graph) return;
      const order = graph.order();
      const at = selected ? order.indexOf(selected) : -1;
      const step = (delta: number) => {
        const next = order[(at + delta + order.length) % order.length];
        if (next) {
          actions.select(next);
          graph.centerOn(next);
        }
      };
      const handled = () => e.preventDefault();
      switch (e.key) {
        case "ArrowRight":
        case "ArrowDown":
          handled();
          step(1);
          break;
        case "ArrowLeft":
        case "ArrowUp":
          handled();
          step(order.length ? -1 : 0);
          break;
        case "Enter":
          handled();
          if (selected) actions.expand(selected);
          break;
        case "h":
        case "H":
        case "Delete":
          if (selected) actions.hide(selected);
          break;
        case "p":
        case "P":
          if (selected) actions.pin(selected, graph.positionOf(selected));
          break;
        case "c":
        case "C":
          if (selected) actions.collapse(selected);
          break;
        case "m":
        case "M":
          if (selected) actions.expand(selected, true);
          break;
        case "f":
        case "F":
          graph.fit();
          break;
        case "+":
        case "=":
          graph.zoom(1.25);
          break;
        case "-":
          graph.zoom(0.8);
          break;
        case "Escape":
          actions.select(undefined);
          break;
      }
    },
    [selected, actions],
  );

  const exportMenu = useRef<HTMLDetailsElement>(null);
  const exportAs = async (format: "png" | "json" | "graphml") => {
    if (exportMenu.current) exportMenu.current.open = false;
    if (!ontology) return;
    const stamp = new Date().toISOString().slice(0, 10);
    const positions = graphRef.current?.positions() ?? {};
    if (format === "png") {
      const blob = await graphRef.current?.png();
      if (blob) download(`atlas-${stamp}.png`, blob);
    } else if (format === "json") {
      download(`atlas-${stamp}.json`, new Blob([toJSONExport(visible, ontology, positions, window.location.href)], { type: "application/json" }));
    } else {
      download(`atlas-${stamp}.graphml`, new Blob([toGraphML(visible, ontology, positions)], { type: "application/graphml+xml" }));
    }
  };

  const copyLink = async () => {
    if (exportMenu.current) exportMenu.current.open = false;
    try {
      await navigator.clipboard.writeText(window.location.href);
      setFlash(t.linkCopied);
    } catch {
      setFlash(window.location.href);
    }
    window.setTimeout(() => setFlash(""), 2500);
  };

  const onTabKey = (e: React.KeyboardEvent<HTMLDivElement>) => {
    const at = PANELS.indexOf(view.panel);
    const next =
      e.key === "ArrowRight" ? PANELS[(at + 1) % PANELS.length] : e.key === "ArrowLeft" ? PANELS[(at - 1 + PANELS.length) % PANELS.length] : undefined;
    if (!next) return;
    e.preventDefault();
    actions.setPanel(next);
    document.getElementById(`tab-${next}`)?.focus();
  };

  const searchError = (error: unknown) => {
    if (error instanceof ApiError && error.kind !== "query") atlas.setSearchError(error);
  };

  const banner = atlas.error;
  const empty = view.nodes.length === 0;

  return (
    <I18nContext.Provider value={i18n}>
      <a href="#canvas-region" className="skip-link">
        {t.skipToCanvas}
      </a>
      <header className="top">
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
            <h1>{t.title}</h1>
            <p>{t.subtitle}</p>
          </div>
        </div>
        <div className="top-search">
          <SearchBox
            label={t.searchLabel}
            hideLabel
            placeholder={t.searchPlaceholder}
            ontology={ontology}
            onPick={actions.focusEntity}
            onError={searchError}
            testId="search"
          />
        </div>
        <nav className="toolbar" aria-label={t.actions}>
          <button type="button" onClick={actions.undo} disabled={!atlas.canUndo} title={`${t.undo} (Ctrl+Z)`} data-testid="undo">
            <span aria-hidden="true">↶</span> {t.undo}
          </button>
          <button type="button" onClick={actions.redo} disabled={!atlas.canRedo} title={`${t.redo} (Ctrl+Y)`} data-testid="redo">
            <span aria-hidden="true">↷</span> {t.redo}
          </button>
          <label className="layout-select">
            <span className="visually-hidden">{t.layout}</span>
            <select value={view.layout} onChange={(e) => actions.setLayout(e.target.value as LayoutName)} data-testid="layout">
              {LAYOUTS.map((l) => (
                <option key={l} value={l}>
                  {t.layout}: {t.layouts[l]}
                </option>
              ))}
            </select>
          </label>
          <details className="menu" ref={exportMenu}>
            <summary data-testid="export">{t.exportLabel}</summary>
            <div className="menu-items">
              <button type="button" onClick={() => void exportAs("png")} disabled={empty} data-testid="export-png">
                {t.exportPng}
              </button>
              <button type="button" onClick={() => void exportAs("json")} disabled={empty} data-testid="export-json">
                {t.exportJson}
              </button>
              <button type="button" onClick={() => void exportAs("graphml")} disabled={empty} data-testid="export-graphml">
                {t.exportGraphml}
              </button>
              <button type="button" onClick={() => void copyLink()}>
                {t.copyLink}
              </button>
            </div>
          </details>
          <button
            type="button"
            className="lang"
            onClick={() => actions.setLang(view.lang === "en" ? "zh" : "en")}
            title={t.switchLanguageLabel}
            data-testid="lang"
          >
            <span lang={view.lang === "en" ? "zh-CN" : "en"}>{t.switchLanguage}</span>
            <span className="visually-hidden"> ({t.switchLanguageLabel})</span>
          </button>
        </nav>
      </header>
      {banner && (banner.kind === "unreachable" || banner.kind === "database") && (
        <div className="banner banner-error" role="alert" data-testid="server-down">
          <div>
            <strong>{banner.kind === "database" ? t.databaseDownTitle : t.serverDownTitle}</strong>{" "}
            {banner.kind === "database" ? t.databaseDownBody : t.serverDownBody}
          </div>
          <div className="banner-actions">
            {banner.retry && (
              <button type="button" onClick={banner.retry}>
                {t.retry}
              </button>
            )}
            <button type="button" onClick={atlas.dismissError}>
              {t.dismiss}
            </button>
          </div>
        </div>
      )}
      {banner && banner.kind !== "unreachable" && banner.kind !== "database" && (
        <div className="banner banner-warn" role="alert" data-testid="error">
          <div>
            <strong>{t.errorPrefix}</strong> {banner.message}
          </div>
          <div className="banner-actions">
            <button type="button" onClick={atlas.dismissError}>
              {t.dismiss}
            </button>
          </div>
        </div>
      )}
      <main className="layout">
        <section className="canvas-wrap" id="canvas-region" aria-label={t.title} tabIndex={-1}>
          {atlas.busy && <div className="progress" aria-hidden="true" />}
          <GraphView
            ref={graphRef}
            elements={elements}
            stylesheet={stylesheet}
            layout={view.layout}
            layoutRun={atlas.layoutRun}
            selected={view.selected}
            label={t.canvasLabel}
            onSelect={actions.select}
            onExpand={(id) => actions.expand(id)}
            onKey={onCanvasKey}
          />
          {empty && (
            <div className="empty-state" data-testid="empty-state">
              <h2>{ontology || !banner ? t.emptyTitle : t.serverDownTitle}</h2>
              <p>{t.emptyBody}</p>
              {atlas.stats && (
                <p className="muted">{fill(t.statsLine, { entities: atlas.stats.entities, relations: atlas.stats.relations, sources: atlas.stats.sources })}</p>
              )}
              <p className="suggestions">
                <span>{t.emptyTry}</span>
                {SUGGESTIONS.map((s) => (
                  <button type="button" key={s} onClick={() => actions.openFirstHit(s)} disabled={!ontology}>
                    {s}
                  </button>
                ))}
              </p>
            </div>
          )}
          {/* biome-ignore lint/a11y/useSemanticElements: a toolbar group over the canvas, not a form */}
          <div className="canvas-controls" role="group" aria-label={t.layout}>
            <button type="button" onClick={() => graphRef.current?.zoom(1.25)} aria-label={t.zoomIn} title={t.zoomIn}>
              +
            </button>
            <button type="button" onClick={() => graphRef.current?.zoom(0.8)} aria-label={t.zoomOut} title={t.zoomOut}>
              −
            </button>
            <button type="button" onClick={() => graphRef.current?.fit()} title={t.fit} data-testid="fit">
              {t.fit}
            </button>
            <button type="button" onClick={actions.relayout} title={t.relayout}>
              ⟳<span className="visually-hidden">{t.relayout}</span>
            </button>
            {view.hidden.length > 0 && (
              <button type="button" onClick={actions.showHidden} data-testid="show-hidden">
                {fill(t.showHidden, { n: view.hidden.length })}
              </button>
            )}
            {!empty && (
              <button type="button" onClick={actions.clear} data-testid="clear">
                {t.clear}
              </button>
            )}
          </div>
          {ontology && (
            <Legend
              ontology={ontology}
              kindsInView={kindsInView}
              excludedKinds={view.filters.kinds}
              onToggleKind={(kind) =>
                actions.setFilters({
                  ...view.filters,
                  kinds: view.filters.kinds.includes(kind) ? view.filters.kinds.filter((k) => k !== kind) : [...view.filters.kinds, kind],
                })
              }
            />
          )}
          <p className="statusbar" aria-live="polite" data-testid="status">
            {atlas.busy ? t.loading : fill(t.nodesEdges, { nodes: visible.nodes.length, edges: visible.edges.length })}
            {flash && ` · ${flash}`}
          </p>
          <p id="keyboard-help" className="keyboard-help">
            {t.keyboardHelp}
          </p>
        </section>
        <aside className="side">
          <div className="tabs" role="tablist" aria-label={t.actions} onKeyDown={onTabKey}>
            {PANELS.map((p: PanelName) => (
              <button
                key={p}
                type="button"
                role="tab"
                id={`tab-${p}`}
                aria-selected={view.panel === p}
                aria-controls={`panel-${p}`}
                tabIndex={view.panel === p ? 0 : -1}
                onClick={() => actions.setPanel(p)}
                data-testid={`tab-${p}`}
              >
                {t.tabs[p]}
                {p === "list" && !empty ? <span className="count">{visible.nodes.length}</span> : null}
              </button>
            ))}
          </div>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable tab panel must be reachable by keyboard */}
          <div className="panel" role="tabpanel" id={`panel-${view.panel}`} aria-labelledby={`tab-${view.panel}`} tabIndex={0}>
            {!ontology ? (
              <p className="panel-empty" role="status">
                {banner ? t.serverDownTitle : t.loadingGraph}
              </p>
            ) : view.panel === "details" ? (
              <DetailsPanel detail={atlas.detail} ontology={ontology} actions={nodeActions} onOpen={actions.bringIn} />
            ) : view.panel === "filters" ? (
              <FiltersPanel
                ontology={ontology}
                filters={view.filters}
                onChange={actions.setFilters}
                kindCounts={counts.kinds}
                typeCounts={counts.types}
                countryCounts={counts.countries}
                statusCounts={counts.statuses}
                filteredOut={visible.filteredOut}
              />
            ) : view.panel === "path" ? (
              <PathFinder
                ontology={ontology}
                query={view.path}
                paths={atlas.paths}
                entities={store.entities}
                active={atlas.pathIndex}
                busy={atlas.busy}
                onFind={actions.findPaths}
                onClear={actions.clearPaths}
                onHighlight={atlas.setPathIndex}
                onError={searchError}
              />
            ) : view.panel === "suggest" ? (
              <SuggestPanel
                ontology={ontology}
                draft={view.suggest}
                selected={view.selected}
                entities={store.entities}
                onChange={actions.setSuggest}
                onError={searchError}
              />
            ) : (
              <ListView graph={visible} ontology={ontology} selected={view.selected} onSelect={actions.select} />
            )}
          </div>
        </aside>
      </main>
    </I18nContext.Provider>
  );
}
