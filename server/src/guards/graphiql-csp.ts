/**
 * GraphiQL under a Content-Security-Policy. The page is one HTML file with its code inline (no
 * CDN), so instead of allowing every inline script the policy names the exact scripts of the page
 * served, by their SHA-256: a script injected into it (by a crafted example, say) would not run.
 * Styles stay 'unsafe-inline' because the editor writes its styles at run time, and its language
 * service runs in a worker made from a blob.
 */
import { createHash } from "node:crypto";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import type { Plugin } from "graphql-yoga";

type RenderOptions = Parameters<typeof renderGraphiQL>[0];

/** The policy for one rendered page: its inline scripts by hash, nothing else inline. */
export function graphiqlPolicy(html: string): string {
  const hashes = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    (m) =>
      `'sha256-${createHash("sha256")
        .update(m[1] ?? "")
        .digest("base64")}'`,
  );
  return [
    "default-src 'self'",
    `script-src 'self' ${hashes.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A renderer that remembers the policy of what it rendered, and the plugin that sends it. */
export function graphiqlWithPolicy(): { render: (options: RenderOptions) => string; plugin: Plugin } {
  let last: { html: string; policy: string } | undefined;
  const render = (options: RenderOptions) => {
    const html = renderGraphiQL(options);
    if (last?.html !== html) last = { html, policy: graphiqlPolicy(html) };
    return html;
  };
  const plugin: Plugin = {
    onResponse({ response }) {
      if (last && response.headers.get("content-type")?.startsWith("text/html")) response.headers.set("content-security-policy", last.policy);
    },
  };
  return { render, plugin };
}
