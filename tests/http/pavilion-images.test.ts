import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aListingBody, anEdit, startPavilionTestbed, type Testbed } from './pavilion-testbed.js';

let bed: Testbed;
const kg = (method: string, path: string, json?: unknown) => bed.call(method, path, { token: bed.tokens.KG, json });

/** A real 1x1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

async function uploadTarget(id: string, contentType: string, contentLength: number) {
  return kg('POST', `/api/pavilion/listings/${id}/images`, { contentType, contentLength });
}

async function put(url: string, body: Buffer, contentType = 'image/png') {
  return bed.call('PUT', url, { body: new Uint8Array(body), headers: { 'content-type': contentType } });
}

beforeAll(async () => {
  bed = await startPavilionTestbed();
});
afterAll(() => bed.stop());

describe('listing images', () => {
  it('uploads a PNG through a signed URL into the media folder, and the listing can use it', async () => {
    const id = (await kg('POST', '/api/pavilion/listings', aListingBody({ sku: 'PHOTO' }))).body.id;
    const target = await uploadTarget(id, 'image/png', PNG.length);
    expect(target.status).toBe(201);
    expect(target.body).toMatchObject({ method: 'PUT', headers: { 'content-type': 'image/png' } });
    expect(target.body.imageUrl).toMatch(new RegExp(`^/media/products/${id}/[0-9a-f-]{36}\\.png$`));

    const uploaded = await put(target.body.url, PNG);
    expect(uploaded.status).toBe(201);
    const onDisk = await readFile(join(bed.mediaDir, target.body.imageUrl.replace(/^\/media\//, '')));
    expect(onDisk.equals(PNG)).toBe(true);

    const edited = await kg('PUT', `/api/pavilion/listings/${id}`, anEdit(1, { images: [target.body.imageUrl] }));
    expect(edited.status).toBe(200);
    expect(edited.body.images).toEqual([target.body.imageUrl]);
  });

  it('gives upload URLs for a listing not saved yet, but only under the manager’s own pavilion', async () => {
    expect((await uploadTarget('kg-not-saved-yet', 'image/webp', 1000)).status).toBe(201);
    expect((await uploadTarget('ru-not-mine', 'image/webp', 1000)).status).toBe(403);
  });

  it('refuses SVG (it can carry scripts), other types and files over 5 MB before any upload', async () => {
    for (const [type, length] of [['image/svg+xml', 100], ['text/html', 100], ['image/png', 5 * 1024 * 1024 + 1], ['image/png', 0]] as const) {
      const response = await uploadTarget('kg-photo', type, length);
      expect(response.status, type).toBe(400);
      expect(response.body.errors[0].field).toMatch(/contentType|contentLength/);
    }
  });

  it('refuses an upload whose bytes are not the declared image type', async () => {
    const html = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const target = await uploadTarget('kg-photo', 'image/png', html.length);
    expect((await put(target.body.url, html)).status).toBe(415);
  });

  it('refuses a tampered, reused or mismatched upload URL', async () => {
    const target = await uploadTarget('kg-photo', 'image/png', PNG.length);
    const url = new URL(target.body.url, 'http://local');
    url.searchParams.set('length', String(PNG.length + 10));
    expect((await put(`${url.pathname}${url.search}`, Buffer.concat([PNG, Buffer.alloc(10)]))).status).toBe(403);
    expect((await put(target.body.url, PNG, 'image/jpeg')).status).toBe(403);
    expect((await put(target.body.url, Buffer.concat([PNG, Buffer.alloc(1)]))).status).toBe(403);
    expect((await put(target.body.url, PNG)).status).toBe(201);
    expect((await put(target.body.url, PNG)).status).toBe(403);
  });
});
