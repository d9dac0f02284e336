import { S3Client } from '@aws-sdk/client-s3';

/** An S3 client fit for presigned uploads: no flexible checksum of an empty body in the URL. */
export function createImagesS3Client(region: string): S3Client {
  return new S3Client({ region, requestChecksumCalculation: 'WHEN_REQUIRED' });
}
