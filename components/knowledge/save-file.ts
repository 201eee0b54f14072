/** Default way to hand a file to the user in an extension page: a temporary object URL and a download link. */
export function saveFile(filename: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** yyyy-mm-dd for file names. */
export const day = (t: number) => new Date(t).toISOString().slice(0, 10);
