// Offline after the first visit: a hosted build registers its service worker, which sits next to
// index.html, so the app works from any sub-path. Browsers allow service workers only on https and
// on localhost; elsewhere (plain-http intranet, file://, the single-file build) the app simply runs
// online, unchanged.
export function registerServiceWorker(): void {
  if (import.meta.env.DEV || import.meta.env.MODE === 'single') return;
  if (!('serviceWorker' in navigator) || !window.isSecureContext || !/^https?:$/.test(location.protocol)) return;
  navigator.serviceWorker.register('./sw.js').catch(() => {
    // Without it the app still runs; it is just not available offline.
  });
}
