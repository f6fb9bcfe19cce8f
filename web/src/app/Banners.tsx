/** The banners: the server or database is down (with "try again"), or a request failed. */
import { sayProblem } from "../api/problem.js";
import { useExplorer } from "./explorer.js";
import "./Banners.css";

export function Banners() {
  const { atlas, i18n } = useExplorer();
  const { t } = i18n;
  const banner = atlas.error;
  if (!banner) return null;
  if (banner.kind === "unreachable" || banner.kind === "database") {
    const database = banner.kind === "database";
    return (
      <div className="banner banner-error" role="alert" data-testid="server-down">
        <div>
          <strong>{database ? t.databaseDownTitle : t.serverDownTitle}</strong> {database ? t.databaseDownBody : t.serverDownBody}
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
    );
  }
  return (
    <div className="banner banner-warn" role="alert" data-testid="error">
      <div>
        <strong>{t.errorPrefix}</strong> {sayProblem(banner.problem, banner.message, i18n.lang, t.requestFailed)}
      </div>
      <div className="banner-actions">
        <button type="button" onClick={atlas.dismissError}>
          {t.dismiss}
        </button>
      </div>
    </div>
  );
}
