/**
 * The CSV comes from a request with the bearer token, so a plain link cannot fetch it: the console
 * fetches it and hands the browser a Blob to save. The object URL names only the Blob, never the
 * order, and is revoked once the download has started.
 */
export function csvFileName(contentDisposition: string | null, orderId: string): string {
  // Only a plain name (the API's customs-<orderId>.csv): nothing with a path, a leading dot or odd characters.
  const named = /filename="([\w-][\w.-]*)"/.exec(contentDisposition ?? '')?.[1];
  return named ?? `customs-${orderId}.csv`;
}

export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Chromium starts the download on click; a moment later the Blob (the buyer's ID number in it) can go.
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
