import { ApiError } from './client.ts';
import i18n from '../i18n/index.ts';

/** Sends a file as multipart/form-data; errors come back like every other API error. */
export async function uploadFile<T>(path: string, form: FormData): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      body: form,
      headers: { Accept: 'application/json', 'Accept-Language': i18n.language === 'en' ? 'en' : 'sv' },
      credentials: 'same-origin',
      mode: 'same-origin',
    });
  } catch {
    throw new ApiError(0, { code: 'network', message: i18n.t('errors.network'), fields: {} });
  }
  const data = (await response.json().catch(() => null)) as {
    error?: { code: string; message: string; fields: Record<string, string>; requestId?: string };
  } | null;
  if (!response.ok) {
    throw new ApiError(response.status, {
      code: data?.error?.code ?? 'internal',
      message: data?.error?.message ?? i18n.t('errors.unexpected'),
      fields: data?.error?.fields ?? {},
      requestId: data?.error?.requestId,
    });
  }
  return data as T;
}
