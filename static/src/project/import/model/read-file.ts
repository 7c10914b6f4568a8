/** Files larger than this are refused before reading: a browser tab is not a data pipeline. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Reads a chosen file as UTF-8 text. */
export function readFileText(file: Blob): Promise<string> {
  if (file.size > MAX_FILE_BYTES) {
    return Promise.reject(new Error(`The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB.`));
  }
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsText(file, 'utf-8');
  });
}
