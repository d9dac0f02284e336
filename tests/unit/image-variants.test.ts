import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalImageStore } from '../../functions/adapters/images/local-image-store.js';
import { resizeToVariants } from '../../functions/adapters/images/variants.js';
import { responsiveSource, shareImage, variantOf } from '../../functions/domain/images.js';
import { imageVariants, type ObjectCreatedEvent } from '../../functions/handlers/image-variants.js';
import { UploadRefused } from '../../functions/ports/image-store.js';

/** A photo-like picture (a gradient with noise compresses like one), encoded by libvips as a real file. */
async function picture(width: number, height: number, format: 'png' | 'jpeg'): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = ((i * 7) % 251) ^ (i >> 9);
  const image = sharp(pixels, { raw: { width, height, channels: 3 } });
  return format === 'png' ? image.png().toBuffer() : image.jpeg({ quality: 85 }).toBuffer();
}

const widthsOf = async (files: readonly Uint8Array[]) =>
  Promise.all(files.map(async (bytes) => {
    const meta = await sharp(bytes).metadata();
    return { format: meta.format, width: meta.width, height: meta.height };
  }));

let png: Buffer;
let jpeg: Buffer;
let smallJpeg: Buffer;

beforeAll(async () => {
  [png, jpeg, smallJpeg] = await Promise.all([picture(2000, 1500, 'png'), picture(1600, 1200, 'jpeg'), picture(500, 400, 'jpeg')]);
});

describe('the variants of an uploaded photo', () => {
  it('are three WebP files 320, 640 and 1280 px wide, in the original’s proportions', async () => {
    const variants = await resizeToVariants(png, 'media/products/kg-honey/0b8f3c52-7a7e-4c0c-9d55-1f5a2b3c4d5e.png');
    expect(variants.map((v) => v.name)).toEqual([320, 640, 1280].map((w) => `media/products/kg-honey/0b8f3c52-7a7e-4c0c-9d55-1f5a2b3c4d5e-${w}.webp`));
    expect(await widthsOf(variants.map((v) => v.bytes))).toEqual([
      { format: 'webp', width: 320, height: 240 },
      { format: 'webp', width: 640, height: 480 },
      { format: 'webp', width: 1280, height: 960 },
    ]);
    // Each is a fraction of the original's weight.
    for (const variant of variants) expect(variant.bytes.byteLength).toBeLessThan(png.byteLength / 2);
  });

  it('are never upscaled: a 500 px photo gives 320, 500 and 500 under the three names', async () => {
    const variants = await resizeToVariants(smallJpeg, 'x.jpg');
    expect(variants.map((v) => [v.name, v.pixelWidth])).toEqual([['x-320.webp', 320], ['x-640.webp', 500], ['x-1280.webp', 500]]);
    expect((await widthsOf(variants.map((v) => v.bytes))).map((m) => m.width)).toEqual([320, 500, 500]);
  });

  it('turn a phone photo upright by its EXIF orientation and keep none of its metadata', async () => {
    // 1600 x 1200 stored, orientation 6: the camera was held upright, so the photo is 1200 x 1600.
    const rotated = await sharp(jpeg).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    const [small] = await resizeToVariants(rotated, 'y.jpg');
    const meta = await sharp(small!.bytes).metadata();
    expect([meta.width, meta.height]).toEqual([320, 427]);
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
  });
});

describe('an upload to the local server', () => {
  let mediaDir: string;
  beforeAll(async () => {
    mediaDir = await mkdtemp(join(tmpdir(), 'sco-media-'));
  });
  afterAll(() => rm(mediaDir, { recursive: true, force: true }));

  const store = () => new LocalImageStore({ mediaDir, secret: 'test-secret' });

  /** Asks for an upload URL, then sends the bytes to it as the browser would. */
  async function upload(bytes: Uint8Array, contentType: 'image/png' | 'image/jpeg') {
    const images = store();
    const target = await images.createUpload({ productId: 'kg-honey', contentType, contentLength: bytes.byteLength });
    const url = new URL(target.url, 'http://localhost');
    return images.receive({
      path: url.pathname.replace('/api/pavilion/uploads/', ''),
      query: Object.fromEntries(url.searchParams),
      contentType,
      bytes,
    });
  }

  it('writes the original and its three WebP variants beside it, of the right widths', async () => {
    const { imageUrl } = await upload(png, 'image/png');
    expect(imageUrl).toMatch(/^\/media\/products\/kg-honey\/[0-9a-f-]{36}\.png$/);
    const file = (url: string) => join(mediaDir, url.replace(/^\/media\//, ''));
    expect((await readFile(file(imageUrl))).equals(png)).toBe(true);
    const variants = await Promise.all(([320, 640, 1280] as const).map((width) => readFile(file(variantOf(imageUrl, width)))));
    expect(await widthsOf(variants)).toEqual([
      { format: 'webp', width: 320, height: 240 },
      { format: 'webp', width: 640, height: 480 },
      { format: 'webp', width: 1280, height: 960 },
    ]);
  });

  it('refuses a file that only starts like a PNG (415) and writes nothing', async () => {
    const before = existsSync(join(mediaDir, 'products', 'kg-honey')) ? await readdir(join(mediaDir, 'products', 'kg-honey')) : [];
    const fake = Buffer.concat([png.subarray(0, 16), Buffer.from('<script>alert(1)</script>'.repeat(20))]);
    const refused = await upload(fake, 'image/png').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UploadRefused);
    expect((refused as UploadRefused).status).toBe(415);
    expect(await readdir(join(mediaDir, 'products', 'kg-honey')).catch(() => [])).toEqual(before);
  });
});

describe('the images bucket’s function (with a stand-in S3 client)', () => {
  const BUCKET = 'sco-bazaar-images';
  const KEY = 'media/products/kg-honey/0b8f3c52-7a7e-4c0c-9d55-1f5a2b3c4d5e.jpg';

  /** Answers GetObject from `objects` and records every PutObject, as S3 would take it. */
  function standInS3(objects: Record<string, Uint8Array>, options: { failPuts?: boolean } = {}) {
    const puts: Array<{ Key: string; ContentType?: string; CacheControl?: string; Body: Uint8Array }> = [];
    const gets: string[] = [];
    return {
      puts,
      gets,
      async send(command: unknown): Promise<any> {
        if (command instanceof GetObjectCommand) {
          const key = command.input.Key!;
          gets.push(key);
          const body = objects[key];
          if (!body || command.input.Bucket !== BUCKET) throw Object.assign(new Error('NoSuchKey'), { name: 'NoSuchKey' });
          return { ContentLength: body.byteLength, Body: { transformToByteArray: async () => body } };
        }
        if (command instanceof PutObjectCommand) {
          if (options.failPuts) throw Object.assign(new Error('SlowDown'), { name: 'SlowDown' });
          const { Key, ContentType, CacheControl, Body } = command.input;
          puts.push({ Key: Key!, ContentType, CacheControl, Body: Body as Uint8Array });
          return {};
        }
        throw new Error(`unexpected command ${(command as object).constructor.name}`);
      },
    };
  }
  const logs: Array<[string, string, unknown]> = [];
  const telemetry = {
    info: (message: string, fields?: unknown) => void logs.push(['info', message, fields]),
    warn: (message: string, fields?: unknown) => void logs.push(['warn', message, fields]),
  };
  const created = (key: string, bucket = BUCKET): ObjectCreatedEvent => ({
    version: '0', id: 'e1', 'detail-type': 'Object Created', source: 'aws.s3', account: '111111111111', time: '2026-01-01T00:00:00Z',
    region: 'ap-east-1', resources: [`arn:aws:s3:::${bucket}`],
    detail: { bucket: { name: bucket }, object: { key, size: 1000 } },
  });

  it('reads the upload and writes its three WebP variants beside it, typed and cached for good', async () => {
    const s3 = standInS3({ [KEY]: jpeg });
    const result = await imageVariants(created(KEY), { s3, bucket: BUCKET, telemetry });
    expect(result.outcome).toBe('written');
    expect(s3.gets).toEqual([KEY]);
    expect(s3.puts.map((p) => p.Key).sort()).toEqual([320, 640, 1280].map((w) => KEY.replace('.jpg', `-${w}.webp`)).sort());
    for (const put of s3.puts) {
      expect(put.ContentType).toBe('image/webp');
      expect(put.CacheControl).toBe('public, max-age=31536000, immutable');
    }
    const byKey = new Map(s3.puts.map((p) => [p.Key, p.Body]));
    expect((await widthsOf([320, 640, 1280].map((w) => byKey.get(KEY.replace('.jpg', `-${w}.webp`))!))).map((m) => [m.format, m.width, m.height])).toEqual([
      ['webp', 320, 240],
      ['webp', 640, 480],
      ['webp', 1280, 960],
    ]);
  });

  it('passes over its own variants (they come back as events) and anything not an upload, without reading them', async () => {
    const s3 = standInS3({});
    for (const key of [KEY.replace('.jpg', '-640.webp'), 'media/products/kg-honey.svg', 'media/pavilions/kg.svg']) {
      expect(await imageVariants(created(key), { s3, bucket: BUCKET, telemetry })).toEqual({ outcome: 'not an upload' });
    }
    expect(await imageVariants(created(KEY, 'someone-elses-bucket'), { s3, bucket: BUCKET, telemetry })).toEqual({ outcome: 'other bucket' });
    expect(s3.gets).toEqual([]);
    expect(s3.puts).toEqual([]);
  });

  it('logs a file that is no image and leaves it (a retry would not help)', async () => {
    const s3 = standInS3({ [KEY]: Buffer.from('not a jpeg at all') });
    logs.length = 0;
    expect(await imageVariants(created(KEY), { s3, bucket: BUCKET, telemetry })).toEqual({ outcome: 'unreadable' });
    expect(s3.puts).toEqual([]);
    expect(logs).toEqual([['warn', 'image unreadable: no variants', expect.objectContaining({ key: KEY })]]);
  });

  it('throws when S3 fails, so the invocation is retried and then parked', async () => {
    const s3 = standInS3({ [KEY]: jpeg }, { failPuts: true });
    await expect(imageVariants(created(KEY), { s3, bucket: BUCKET, telemetry })).rejects.toThrow('SlowDown');
  });
});

describe('which image the pages ask for', () => {
  const uploaded = '/media/products/kg-honey/0b8f3c52-7a7e-4c0c-9d55-1f5a2b3c4d5e.webp';

  it('gives an uploaded photo a srcset of its variants and a mid-sized src, never the original', () => {
    expect(responsiveSource(uploaded)).toEqual({
      src: '/media/products/kg-honey/0b8f3c52-7a7e-4c0c-9d55-1f5a2b3c4d5e-640.webp',
      srcset: [320, 640, 1280].map((w) => `/media/products/kg-honey/0b8f3c52-7a7e-4c0c-9d55-1f5a2b3c4d5e-${w}.webp ${w}w`).join(', '),
    });
  });

  it('keeps drawn art vector: one file, no srcset', () => {
    expect(responsiveSource('/media/products/kg-hny-001.svg')).toEqual({ src: '/media/products/kg-hny-001.svg' });
    expect(responsiveSource('/media/categories/honey.svg')).toEqual({ src: '/media/categories/honey.svg' });
  });

  it('shares the largest variant of a photo and the PNG twin of a drawing', () => {
    expect(shareImage(uploaded)).toBe(variantOf(uploaded, 1280));
    expect(shareImage('/media/products/kg-hny-001.svg')).toBe('/media/products/kg-hny-001.png');
  });
});
