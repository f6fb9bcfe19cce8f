/** What every part of the shell shares: the state, the canvas, the actions. One context, no prop chains. */
import { createContext, type RefObject, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { registerKeys } from "../actions/keyboard.js";
import { type ActionName, actionNamed } from "../actions/registry.js";
import type { ActionContext } from "../actions/types.js";
import { ApiError } from "../api/client.js";
import type { GraphViewHandle } from "../graph/GraphView.js";
import type { MapViewHandle } from "../graph/MapView.js";
import { type I18n, makeI18n } from "../i18n/index.js";
import { type Atlas, useAtlas } from "../state/useAtlas.js";
import { type CanvasModel, useCanvasModel } from "./useCanvasModel.js";

export interface Explorer {
  atlas: Atlas;
  i18n: I18n;
  canvas: CanvasModel;
  graphRef: RefObject<GraphViewHandle | null>;
  /** The front-page map, while it is shown. */
  mapRef: RefObject<MapViewHandle | null>;
  /** The context actions run in, as it is now. */
  actionContext(): ActionContext;
  perform(name: ActionName): void;
  /** A failed request that says the server or the database is down goes to the banner. */
  onApiError(error: unknown): void;
  /** The status bar's short message (e.g. "Link copied"). */
  flash: string;
}

const FLASH_MS = 2500;

export function useExplorerState(): Explorer {
  const atlas = useAtlas();
  const i18n = useMemo(() => makeI18n(atlas.view.lang), [atlas.view.lang]);
  const canvas = useCanvasModel(atlas);
  const graphRef = useRef<GraphViewHandle>(null);
  const mapRef = useRef<MapViewHandle>(null);
  const [flash, setFlash] = useState("");
  const showFlash = useCallback((message: string) => {
    setFlash(message);
    window.setTimeout(() => setFlash(""), FLASH_MS);
  }, []);

  const current = useRef({ atlas, i18n, canvas });
  current.current = { atlas, i18n, canvas };
  const actionContext = useCallback(
    (): ActionContext => ({
      atlas: current.current.atlas,
      graph: graphRef.current,
      map: mapRef.current,
      t: current.current.i18n.t,
      visible: current.current.canvas.visible,
      flash: showFlash,
    }),
    [showFlash],
  );
  const perform = useCallback((name: ActionName) => void actionNamed(name).perform(actionContext()), [actionContext]);
  useEffect(() => registerKeys(actionContext), [actionContext]);

  const { setSearchError } = atlas;
  const onApiError = useCallback(
    (error: unknown) => {
      if (error instanceof ApiError && error.kind !== "query") setSearchError(error);
    },
    [setSearchError],
  );

  return { atlas, i18n, canvas, graphRef, mapRef, actionContext, perform, onApiError, flash };
}

export const ExplorerContext = createContext<Explorer | undefined>(undefined);

export function useExplorer(): Explorer {
  const explorer = useContext(ExplorerContext);
  if (!explorer) throw new Error("useExplorer() needs an <ExplorerContext.Provider> above it (App renders one).");
  return explorer;
}
