import { describe, expect, it } from 'vitest';
import { S3Client } from '@aws-sdk/client-s3';
import { sniff } from '../../functions/adapters/images/local-image-store.js';
import { S3ImageStore } from '../../functions/adapters/images/s3-image-store.js';

describe('S3 image uploads', () => {
  // Presigning is pure computation: fake credentials, no network.
  const s3 = new S3Client({ region: 'ap-east-1', requestChecksumCalculation: 'WHEN_REQUIRED', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } });
  const store = new S3ImageStore(s3, 'sco-bazaar-images', '/media');

  it('sign a PUT that fixes the key under the listing, the type and the exact length', async () => {
    const target = await store.createUpload({ productId: 'kg-honey', contentType: 'image/webp', contentLength: 12_345 });
    const url = new URL(target.url);
    expect(url.pathname).toMatch(/^\/sco-bazaar-images\/media\/products\/kg-honey\/[0-9a-f-]{36}\.webp$|^\/media\/products\/kg-honey\/[0-9a-f-]{36}\.webp$/);
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
    expect(Number(url.searchParams.get('X-Amz-Expires'))).toBeLessThanOrEqual(600);
    expect(target.headers).toEqual({ 'content-type': 'image/webp' });
    expect(target.imageUrl).toMatch(/^\/media\/products\/kg-honey\/[0-9a-f-]{36}\.webp$/);
  });

  it('carry no checksum of an empty body (which S3 would hold against the real file)', async () => {
    const target = await store.createUpload({ productId: 'kg-honey', contentType: 'image/png', contentLength: 10 });
    expect(target.url).not.toMatch(/x-amz-checksum|x-amz-sdk-checksum/i);
  });
});

describe('image sniffing', () => {
  it('knows JPEG, PNG and WebP by their first bytes, and nothing else', () => {
    expect(sniff(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniff(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('image/png');
    expect(sniff(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniff(new TextEncoder().encode('<svg onload="alert(1)">'))).toBeNull();
    expect(sniff(new TextEncoder().encode('GIF89a'))).toBeNull();
  });
});
