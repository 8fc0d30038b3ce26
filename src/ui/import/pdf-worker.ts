// The pdfjs worker as a same-origin asset of the build, so reading a PDF keeps to the CSP
// (worker-src 'self') and never asks any other host for code. Loaded with the importer, on use.
// The single-file build replaces this module with ./pdf-worker-single.ts (see vite.config.ts).
import workerSrc from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';

export default workerSrc;
