/** The explorer's frame: it only lays out the header, the banners, the canvas and the side panels. */
import { I18nContext } from "../i18n/index.js";
import { PANEL_REGISTRY } from "../panels/registry.js";
import { Banners } from "./Banners.js";
import { CanvasArea } from "./CanvasArea.js";
import { ExplorerContext, useExplorerState } from "./explorer.js";
import { Header } from "./Header.js";
import { SidePanels } from "./SidePanels.js";
import "./App.css";

export function App() {
  const explorer = useExplorerState();
  const { t } = explorer.i18n;
  const wide = PANEL_REGISTRY.find((p) => p.id === explorer.atlas.view.panel)?.wide;
  return (
    <I18nContext.Provider value={explorer.i18n}>
      <ExplorerContext.Provider value={explorer}>
        <a href="#canvas-region" className="skip-link">
          {t.skipToCanvas}
        </a>
        <Header />
        <Banners />
        <main className={wide ? "layout wide" : "layout"}>
          <CanvasArea />
          <SidePanels />
        </main>
      </ExplorerContext.Provider>
    </I18nContext.Provider>
  );
}
