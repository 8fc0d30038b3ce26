// The pdfjs worker as a same-origin asset of the build, so reading a PDF keeps to the CSP
// (worker-src 'self') and never asks any other host for code. Loaded with the importer, on use.
// The single-file build opens from file://, where no worker can start from a file: there the
// worker's code is bundled in and runs in the page (pdf.js uses globalThis.pdfjsWorker when set).
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';

const single = import.meta.env.MODE === 'single';
if (single) await import('pdfjs-dist/legacy/build/pdf.worker.min.mjs');

export default single ? undefined : workerUrl;
