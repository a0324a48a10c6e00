/**
 * Sends a file the renderer holds (dropped on the window) to the main side in pieces, so that
 * no message is ever as big as the file. Answers the upload id a finishing request opens.
 */
import type { UploadKind } from '../../electron/contract/uploads';
import type { Api } from '../../electron/contract/client';

export interface UploadProgress {
  (sent: number, size: number): void;
}

export async function uploadFile(
  api: Api,
  file: Blob & { name: string },
  kind: UploadKind,
  onProgress?: UploadProgress,
): Promise<string> {
  const { id, chunkBytes } = await api.invoke('uploads:begin', {
    kind,
    name: file.name,
    size: file.size,
  });
  try {
    for (let offset = 0; offset < file.size; offset += chunkBytes) {
      const piece = file.slice(offset, Math.min(file.size, offset + chunkBytes));
      await api.invoke('uploads:append', { id, offset, data: await base64Of(piece) });
      onProgress?.(Math.min(file.size, offset + chunkBytes), file.size);
    }
    return id;
  } catch (err) {
    void api.invoke('uploads:cancel', { id }).catch(() => undefined);
    throw err;
  }
}

/** Base64 of a piece: the browser's own encoder where there is one (FileReader), else btoa. */
async function base64Of(piece: Blob): Promise<string> {
  if (typeof FileReader !== 'undefined') {
    const url = await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error ?? new Error('could not read the file'));
      reader.readAsDataURL(piece);
    });
    return url.slice(url.indexOf(',') + 1);
  }
  const bytes = new Uint8Array(await piece.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
