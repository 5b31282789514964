import { s3MockMissing, startS3Mock, type RunningS3 } from '#testing';
import { contentStoreContract } from '../content-store.contract.js';
import { S3ContentStore } from './s3-content-store.js';

/**
 * The content store contract against a real S3-compatible server: the one S3_URL names (with
 * S3_ACCESS_KEY, S3_SECRET_KEY, S3_BUCKET), e.g. MinIO; otherwise Adobe's S3Mock from infra/s3mock,
 * started for the suite. Skipped, with the reason printed, only on a machine that has neither S3_URL
 * nor Java and Maven; CI never skips it.
 */
const { S3_URL, S3_ACCESS_KEY, S3_SECRET_KEY, S3_BUCKET, S3_REGION } = process.env;
const missing = ['S3_URL', 'S3_ACCESS_KEY', 'S3_SECRET_KEY', 'S3_BUCKET'].filter((name) => !process.env[name]);
const named = missing.length === 0;
const skip = named || !s3MockMissing ? undefined : `${missing.join(', ')} not set and S3Mock cannot run: ${s3MockMissing}`;
if (skip && process.env.CI === 'true') throw new Error(`the S3 content store suite must run in CI: ${skip}`);

contentStoreContract(
  named ? 'S3 (S3_URL)' : 'S3 (S3Mock)',
  async () => {
    const server: RunningS3 | undefined = named ? undefined : await startS3Mock();
    const settings = server
      ? { endpoint: server.url, bucket: server.bucket, accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey, region: 'us-east-1' }
      : { endpoint: S3_URL!, bucket: S3_BUCKET!, accessKeyId: S3_ACCESS_KEY!, secretAccessKey: S3_SECRET_KEY!, region: S3_REGION ?? 'us-east-1' };
    const store = await S3ContentStore.open(settings);
    return {
      store,
      close: async () => {
        await store.close();
        await server?.stop();
      },
    };
  },
  skip,
);
