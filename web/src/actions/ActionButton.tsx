/** A button drawn from a registered action: its label, icon, title, enabled state and test id. */
import { useExplorer } from "../app/explorer.js";
import { type ActionName, actionNamed } from "./registry.js";

export function ActionButton({ name, className, onDone }: { name: ActionName; className?: string; onDone?: () => void }) {
  const { actionContext, i18n } = useExplorer();
  const action = actionNamed(name);
  const ctx = actionContext();
  if (action.shown && !action.shown(ctx)) return null;
  const label = action.label(i18n.t, ctx);
  const look = action.button?.look ?? "text";
  const icon = action.button?.icon ?? "";
  const title = action.button?.title;
  return (
    <button
      type="button"
      className={className}
      onClick={() => {
        onDone?.();
        void action.perform(actionContext());
      }}
      disabled={action.enabled ? !action.enabled(ctx) : undefined}
      aria-pressed={action.pressed?.(ctx)}
      aria-label={look === "icon" ? label : undefined}
      title={title === true ? (action.shortcut ? `${label} (${action.shortcut})` : label) : title ? title(i18n.t) : undefined}
      data-testid={action.button?.testId}
    >
      {look === "icon" && icon}
      {look === "icon-text" && (
        <>
          <span aria-hidden="true">{icon}</span> {label}
        </>
      )}
      {look === "icon-hidden-text" && (
        <>
          {icon}
          <span className="visually-hidden">{label}</span>
        </>
      )}
      {look === "text" && label}
    </button>
  );
}
