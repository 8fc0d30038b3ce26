// The hosted app's service worker: offline after the first visit. Built by vite.config.ts
// (serviceWorker plugin), which writes the build's files and version in place of the two markers.
//
// One cache per build. A page is always the index.html of this worker's build and every asset it
// asks for comes from the same cache, so a page never mixes two builds, even when it loads a
// chunk (import, export) long after it opened. A new build installs in the background on the next
// visit and takes over only when no page of the old one is open (no skipWaiting); it then deletes
// the old build's cache.
const VERSION = '__NIANBAO_VERSION__';
const FILES = /** @type {string[]} */ (JSON.parse('__NIANBAO_FILES__'));
const CACHE = `nianbao-${VERSION}`;
const PAGE = new URL('./index.html', self.location.href).href;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new URL(f, self.location.href).href))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then((keys) => Promise.all(keys.filter((k) => k.startsWith('nianbao-') && k !== CACHE).map((k) => caches.delete(k)))),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  const page = request.mode === 'navigate' && /\/(index\.html)?$/.test(new URL(request.url).pathname);
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(page ? PAGE : request.url, { ignoreSearch: page }).then((hit) => hit ?? fetch(request))),
  );
});
