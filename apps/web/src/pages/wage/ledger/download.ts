import { ApiError } from '../../../api';
import { readToken } from '../../../session';

/**
 * Saves a file the API sends (an Excel export). The token goes in the `Authorization` header, never
 * in a URL: the file is fetched, then handed to the browser as a blob with its name.
 */
export async function downloadWithToken(path: string, fileName: string): Promise<void> {
  const token = readToken();
  const response = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok) {
    const body = await response.json().catch(() => null);
    throw new ApiError(response.status, body?.code ? body : { statusCode: response.status, code: `http_${response.status}`, message: `下载失败（HTTP ${response.status}）` });
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
