// A file another part of the page hands to the importer (打开文件 or a drop, once the clerk said
// yes): the import dialog, wherever it is mounted, listens and reads it as if chosen in its picker.
export interface ImportRequest {
  name: string;
  bytes: Uint8Array;
}

let _listener: ((r: ImportRequest) => void) | null = null;

/** Hand a file to the importer; false when no import dialog is mounted to take it. */
export function requestImport(request: ImportRequest): boolean {
  if (!_listener) return false;
  _listener(request);
  return true;
}

/** The import dialog's subscription; returns its cancel. */
export function onImportRequest(listener: (r: ImportRequest) => void): () => void {
  _listener = listener;
  return () => {
    if (_listener === listener) _listener = null;
  };
}
