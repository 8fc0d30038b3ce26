// Handing an exported file to the user: a Blob URL and a click on a temporary link, no network.

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Hand the bytes to the user as a download: a Blob URL, no network. */
export function downloadBytes(bytes: Uint8Array, name: string, type: string = DOCX_MIME): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
