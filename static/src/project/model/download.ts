/**
 * Offers text as a file download: a Blob behind an object URL, clicked through a
 * temporary anchor, and the URL revoked once the browser has taken it.
 */
export function downloadText(text: string, fileName: string, type: string): void {
  // A BOM so Excel reads the UTF-8 file as UTF-8 (accents, non-Latin account names).
  const blob = new Blob(['\uFEFF', text], { type });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.style.display = 'none';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
