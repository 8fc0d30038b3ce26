// The single-file build's stand-in for ./pdf-worker.ts (vite.config.ts aliases it in the 'single'
// mode). On file:// no worker can start from a file, so pdf.js runs in the page: importing its
// worker module sets globalThis.pdfjsWorker, which pdf.js then uses instead of starting a worker.
import 'pdfjs-dist/legacy/build/pdf.worker.min.mjs';

const workerSrc: string | undefined = undefined;
export default workerSrc;
