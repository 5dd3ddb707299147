// The page's CSP nonce, for the <style> tags CodeMirror injects (the page CSP refuses any without it).

/**
 * Reads the nonce of this page render: `<meta name="csp-nonce">` when the layout renders one,
 * else the `nonce` property of one of Next's own scripts (browsers hide the attribute's value
 * from the DOM but keep the property). "" when there is none (development allows inline styles).
 */
export function cspNonce(): string {
  if (typeof document === "undefined") return "";
  const meta = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]');
  if (meta?.content) return meta.content;
  for (const script of document.querySelectorAll<HTMLScriptElement>("script[nonce]")) {
    if (script.nonce) return script.nonce;
  }
  return "";
}
