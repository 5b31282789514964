import { PostgresContentStore, S3ContentStore, type ContentDatabase, type ContentStore } from '#attachments';

/**
 * CONTENT_STORE selects where attachments' bytes live (docs/operations.md, "Attachments"): `postgres`
 * (the default: the `content` schema of the main database) or `s3` (S3_URL, S3_BUCKET, S3_ACCESS_KEY,
 * S3_SECRET_KEY, optional S3_REGION).
 */
export async function openContentStore(env: Readonly<Record<string, string | undefined>>, db: ContentDatabase): Promise<ContentStore> {
  const kind = env.CONTENT_STORE ?? 'postgres';
  if (kind === 'postgres') return PostgresContentStore.open(db);
  if (kind === 's3') return S3ContentStore.open(s3SettingsFromEnv(env));
  throw new Error(`CONTENT_STORE must be "postgres" or "s3", not "${kind}"`);
}

export function s3SettingsFromEnv(env: Readonly<Record<string, string | undefined>>) {
  const missing = ['S3_URL', 'S3_BUCKET', 'S3_ACCESS_KEY', 'S3_SECRET_KEY'].filter((name) => !env[name]);
  if (missing.length > 0) throw new Error(`CONTENT_STORE=s3 needs ${missing.join(', ')}`);
  return { endpoint: env.S3_URL!, bucket: env.S3_BUCKET!, accessKeyId: env.S3_ACCESS_KEY!, secretAccessKey: env.S3_SECRET_KEY!, region: env.S3_REGION ?? 'us-east-1' };
}
