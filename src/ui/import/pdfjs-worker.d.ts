// pdf.js's worker module, imported into the page by the single-file build for what it sets
// (globalThis.pdfjsWorker); pdfjs-dist ships no types for it, and none are needed.
declare module 'pdfjs-dist/legacy/build/pdf.worker.min.mjs';
