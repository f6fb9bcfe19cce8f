/** The export menu: PNG, JSON and GraphML of what the canvas shows, and a link to this view. */
import { useRef } from "react";
import { ActionButton } from "../actions/ActionButton.js";
import { useExplorer } from "./explorer.js";

export function ExportMenu() {
  const { i18n } = useExplorer();
  const menu = useRef<HTMLDetailsElement>(null);
  const close = () => {
    if (menu.current) menu.current.open = false;
  };
  return (
    <details className="menu" ref={menu}>
      <summary data-testid="export">{i18n.t.exportLabel}</summary>
      <div className="menu-items">
        <ActionButton name="exportPng" onDone={close} />
        <ActionButton name="exportJson" onDone={close} />
        <ActionButton name="exportGraphml" onDone={close} />
        <ActionButton name="copyLink" onDone={close} />
      </div>
    </details>
  );
}
