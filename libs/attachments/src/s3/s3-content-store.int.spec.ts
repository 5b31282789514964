import { contentStoreContract } from '../content-store.contract.js';
import { S3ContentStore } from './s3-content-store.js';

/**
 * The content store contract against a real S3-compatible server when S3_URL names one (with
 * S3_ACCESS_KEY, S3_SECRET_KEY, S3_BUCKET), e.g. `docker run -p 9000:9000 minio/minio server /data`;
 * skipped otherwise, with the reason printed (as the KurrentDB suite is).
 */
const { S3_URL, S3_ACCESS_KEY, S3_SECRET_KEY, S3_BUCKET, S3_REGION } = process.env;
const missing = ['S3_URL', 'S3_ACCESS_KEY', 'S3_SECRET_KEY', 'S3_BUCKET'].filter((name) => !process.env[name]);

contentStoreContract(
  'S3',
  async () => {
    const store = await S3ContentStore.open({ endpoint: S3_URL!, bucket: S3_BUCKET!, accessKeyId: S3_ACCESS_KEY!, secretAccessKey: S3_SECRET_KEY!, region: S3_REGION ?? 'us-east-1' });
    return { store, close: async () => store.close() };
  },
  missing.length > 0 ? `${missing.join(', ')} not set (point S3_URL at an S3-compatible server such as MinIO to run it)` : undefined,
);
