import { CreateBucketCommand, DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { ContentStore } from '../content-store.port.js';

export interface S3Settings {
  /** S3_URL: the server, e.g. `http://127.0.0.1:9000` for MinIO. */
  readonly endpoint: string;
  readonly bucket: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly region: string;
}

const PREFIX = 'attachments/';

/**
 * Bytes as objects of an S3-compatible server (MinIO, Ceph, a cloud's object storage), one object per
 * content, under `attachments/`. Addressed by path (`forcePathStyle`), as the self-hosted servers expect.
 * The bytes arrive already encrypted (content-cipher.ts): the server never sees a file in clear.
 */
export class S3ContentStore implements ContentStore {
  private constructor(private readonly client: S3Client, private readonly bucket: string) {}

  static async open(settings: S3Settings): Promise<S3ContentStore> {
    const client = new S3Client({
      endpoint: settings.endpoint,
      region: settings.region,
      forcePathStyle: true,
      credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    });
    try {
      await client.send(new HeadBucketCommand({ Bucket: settings.bucket }));
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
      await client.send(new CreateBucketCommand({ Bucket: settings.bucket }));
    }
    return new S3ContentStore(client, settings.bucket);
  }

  async put(id: string, bytes: Buffer): Promise<void> {
    // One PUT replaces the object whole: a reader sees the old bytes or the new, never a mix.
    await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: PREFIX + id, Body: bytes, ContentLength: bytes.length, ContentType: 'application/octet-stream' }));
  }

  async get(id: string): Promise<Buffer | null> {
    try {
      const answer = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: PREFIX + id }));
      return Buffer.from(await answer.Body!.transformToByteArray());
    } catch (error) {
      if (statusOf(error) === 404 || (error as { name?: string }).name === 'NoSuchKey') return null;
      throw error;
    }
  }

  async delete(id: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: PREFIX + id }));
  }

  async storedBefore(instant: Date): Promise<string[]> {
    const found: { id: string; at: number }[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: PREFIX, ContinuationToken: token }));
      for (const object of page.Contents ?? []) {
        if (object.Key && object.LastModified && object.LastModified < instant) found.push({ id: object.Key.slice(PREFIX.length), at: object.LastModified.getTime() });
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return found.sort((a, b) => a.at - b.at).map((item) => item.id);
  }

  close(): void {
    this.client.destroy();
  }
}

function statusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
}
