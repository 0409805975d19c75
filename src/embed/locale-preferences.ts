/**
 * What the widget's language is negotiated from, in order: the configured `locale` (or `setLocale`'s tag),
 * the browser's languages, then the page's `lang`; and the page's direction. Read by the loader (to name
 * the launcher) and by the application (to pick its strings), so both agree.
 */
export function localePreferences(configured: string | undefined, win: Window): (string | undefined)[] {
  return [configured, ...win.navigator.languages, win.document.documentElement.lang];
}

/** `rtl` when the host page is written right to left (its `<html>` or `<body>` says so). */
export function pageDirection(doc: Document): string {
  return doc.dir || doc.body?.dir || '';
}
