// The review's Web Worker: reads and checks the batch off the page's thread, so the page never
// freezes; the page ends it (terminate) to cancel. Same-origin module worker (CSP worker-src 'self').
import { processBatch, type BatchFile, type ReviewMessage } from './process';

self.onmessage = (event: MessageEvent<{ files: BatchFile[] }>) => {
  void processBatch(event.data.files, (m: ReviewMessage) => self.postMessage(m));
};
