import {
  CATEGORY_NAMES,
  CERTIFICATE_ISSUER_MAX,
  CERTIFICATE_KINDS,
  CERTIFICATE_NUMBER_MAX,
  HS_CODE,
  normalizeHsCode,
  productIdFor,
  type Category,
} from '../../../../functions/domain/catalogue.js';
import { MAX_IMAGE_BYTES, isImageType } from '../../../../functions/ports/image-store.js';
import { ApiError, api } from './api.js';
import { $, el, toast } from './dom.js';
import { clearFieldErrors, showFieldErrors } from './field-errors.js';
import { count, dateTime, decimalSeparator, fromDecimal, toDecimal } from './format.js';
import { hsCodeStatus } from './hs-code-status.js';
import { applyLanguage, currentLanguage, tr, type WordKey } from './i18n.js';
import type { Certificate, Listing, StockMovement, UploadTarget, Workspace } from './api-types.js';
import { stockForm } from './stock-form.js';
import { fail, startWorkspace } from './workspace.js';

/**
 * The listing editor: the three languages side by side, errors next to their fields, Ctrl+S to
 * save. Saving sends the version the manager opened; if someone else saved in between, the API
 * answers 409 and nothing is overwritten. Stock is changed on the side, never by saving.
 */
const form = $<HTMLFormElement>('[data-listing-form]');
const banner = $('[data-form-banner]');
const certs = $('[data-certs]');
const imagesBox = $('[data-images]');

let workspace: Workspace;
let listing: Listing | null = null;
let images: string[] = [];
let dirty = false;
let saving = false;

void startWorkspace().then(async (started) => {
  if (!started) return;
  workspace = started;
  $('[data-currency]').textContent = workspace.pavilion.currency;
  wire();
  const id = new URLSearchParams(location.search).get('id');
  if (id) {
    try {
      show(await api<Listing>(`/listings/${encodeURIComponent(id)}`));
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 403)) {
        $('[data-editor]').hidden = true;
        $('[data-missing]').hidden = false;
        return;
      }
      await fail(error);
    }
  } else {
    startNew();
  }
  translateCategories();
});

function startNew(): void {
  listing = null;
  $('.ws-title').dataset.i18n = 'editor.new';
  applyLanguage($('[data-workspace]'));
  document.title = `${tr('editor.new')} · SCO Bazaar`;
  setValue('fulfilment.mode', 'bonded_warehouse');
  setValue('fulfilment.leadTimeDays', '3');
  showHsCodeStatus();
  images = [];
  renderImages();
  renderCertificates([]);
  input('sku').focus();
}

/** Texts that depend on the workspace language (the form's values never do). */
function relabel(next: Listing): void {
  $('.ws-title').textContent = `${tr('editor.edit')}: ${next.title[currentLanguage()]}`;
  const badge = $('[data-status-badge]');
  badge.textContent = tr(`status.${next.status}` as WordKey);
}

/** Puts a listing into the form (after loading or saving), and marks it clean. */
function show(next: Listing): void {
  listing = next;
  $('.ws-title').removeAttribute('data-i18n');
  document.title = `${next.sku} · SCO Bazaar`;
  setValue('sku', next.sku);
  input('sku').readOnly = true;
  setValue('category', next.category);
  setValue('price.amount', toDecimal(next.price.amount, next.price.currency, decimalSeparator()));
  $('[data-currency]').textContent = next.price.currency;
  setValue('weightGrams', String(next.weightGrams));
  for (const field of ['title', 'unit', 'origin', 'producer', 'description'] as const) {
    for (const lang of ['zh', 'ru', 'en'] as const) setValue(`${field}.${lang}`, next[field][lang]);
  }
  setValue('fulfilment.mode', next.fulfilment.mode);
  setValue('fulfilment.leadTimeDays', String(next.fulfilment.leadTimeDays));
  setValue('hsCode', next.hsCode ?? '');
  showHsCodeStatus();
  renderCertificates(next.certificates);
  images = [...next.images];
  renderImages();
  for (const node of form.querySelectorAll<HTMLElement>('[data-new-only]')) node.hidden = true;
  const badge = $('[data-status-badge]');
  badge.hidden = false;
  badge.dataset.kind = next.status;
  relabel(next);
  $('[data-archive]').hidden = next.status !== 'active';
  $('[data-restore]').hidden = next.status !== 'archived';
  $('[data-archived-note]').hidden = next.status !== 'archived';
  showStock(next);
  dirty = false;
}

function showStock(next: Listing): void {
  const panel = $('[data-stock-panel]');
  panel.hidden = false;
  $('[data-figure="onHand"]').textContent = count(next.onHand);
  $('[data-figure="reserved"]').textContent = count(next.reserved);
  $('[data-figure="sold"]').textContent = count(next.sold);
  $('[data-stock-form]').replaceChildren(
    stockForm(next, (after) => {
      if (listing) listing = { ...listing, stock: after.stock, reserved: after.reserved, sold: after.sold, onHand: after.onHand };
      showStock(after);
    }),
  );
  void loadHistory(next.id);
}

async function loadHistory(id: string): Promise<void> {
  try {
    const { items } = await api<{ items: StockMovement[] }>(`/listings/${id}/stock`);
    const list = $('[data-history]');
    list.replaceChildren(
      ...(items.length
        ? items.map((movement) =>
            el(
              'li',
              {},
              el('span', {}, tr(`reason.${movement.reason}` as WordKey), movement.note ? ` · ${movement.note}` : '', el('br'), el('small', { class: 'muted' }, dateTime(movement.at))),
              el('span', { class: movement.delta > 0 ? 'delta-up' : 'delta-down' }, `${movement.delta > 0 ? '+' : '−'}${count(Math.abs(movement.delta))}`),
            ),
          )
        : [el('li', { class: 'muted' }, tr('stock.noHistory'))]),
    );
  } catch (error) {
    await fail(error);
  }
}

/** Reads the form into the API's shape; a price that is not a number is caught here, by field. */
function collect(): { body: Record<string, unknown>; errors: { field: string; message: string }[] } {
  const errors: { field: string; message: string }[] = [];
  const currency = listing?.price.currency ?? workspace.pavilion.currency;
  const amount = fromDecimal(value('price.amount'), currency);
  if (amount === null) errors.push({ field: 'price.amount', message: `${tr('field.price')}: ${toDecimal(65_050, currency, decimalSeparator())}` });
  // Written as people write it (0409.00.00.00, 0409 0000 00, full-width digits); sent as the ten digits customs reads.
  const hsCode = normalizeHsCode(value('hsCode'));
  if (!HS_CODE.test(hsCode)) errors.push({ field: 'hsCode', message: tr('field.hsCodeError') });
  const texts = (field: string) => ({ zh: value(`${field}.zh`), ru: value(`${field}.ru`), en: value(`${field}.en`) });
  const number = (name: string) => (value(name) === '' ? undefined : Number(value(name)));
  const body: Record<string, unknown> = {
    category: value('category'),
    title: texts('title'),
    description: texts('description'),
    unit: texts('unit'),
    price: { amount: amount ?? undefined, currency },
    weightGrams: number('weightGrams'),
    origin: texts('origin'),
    producer: texts('producer'),
    certificates: [...certs.querySelectorAll<HTMLElement>('[data-cert]')].map((row, i) => ({
      kind: value(`certificates.${i}.kind`, row),
      number: value(`certificates.${i}.number`, row),
      issuer: value(`certificates.${i}.issuer`, row),
      validUntil: value(`certificates.${i}.validUntil`, row),
    })),
    fulfilment: { mode: value('fulfilment.mode'), leadTimeDays: number('fulfilment.leadTimeDays') },
    hsCode,
    images,
  };
  if (listing) body.version = listing.version;
  else {
    body.sku = value('sku');
    body.onHand = number('onHand') ?? 0;
  }
  return { body, errors };
}

async function save(): Promise<void> {
  if (saving) return;
  const { body, errors } = collect();
  if (errors.length > 0) return showFieldErrors(form, errors, banner);
  clearFieldErrors(form);
  banner.hidden = true;
  saving = true;
  const button = $<HTMLButtonElement>('[data-save]');
  button.disabled = true;
  button.textContent = tr('editor.saving');
  try {
    const saved = listing
      ? await api<Listing>(`/listings/${listing.id}`, { method: 'PUT', json: body })
      : await api<Listing>('/listings', { method: 'POST', json: body });
    const created = !listing;
    show(saved);
    if (created) history.replaceState(null, '', `/pavilion/listing/?id=${encodeURIComponent(saved.id)}`);
    toast(tr(created ? 'editor.created' : 'editor.saved'));
  } catch (error) {
    refused(error);
  } finally {
    saving = false;
    button.disabled = false;
    button.textContent = tr('editor.save');
  }
}

function refused(error: unknown): void {
  if (!(error instanceof ApiError)) return void fail(error);
  if (error.status === 409 && error.errors.some((item) => item.field === 'version')) {
    banner.hidden = false;
    banner.replaceChildren(
      tr('editor.stale'),
      ' ',
      el('button', { type: 'button', class: 'button button--small', onclick: (() => location.reload()) as EventListener }, tr('common.reload')),
    );
    return;
  }
  if (error.errors.length > 0) return showFieldErrors(form, error.errors, banner);
  banner.hidden = false;
  banner.textContent = error.detail ? `${error.title}: ${error.detail}` : error.title;
}

async function changeStatus(action: 'archive' | 'restore'): Promise<void> {
  if (!listing) return;
  try {
    show(await api<Listing>(`/listings/${listing.id}/${action}`, { method: 'POST', json: { version: listing.version } }));
  } catch (error) {
    refused(error);
  }
}

/**
 * Beside the HS code: whether shoppers in China can buy goods under it (hs-code-status.ts, the
 * cart's own rule) and, when they can, the import tax they pay. Nothing until ten digits are typed.
 */
function showHsCodeStatus(): void {
  const box = $('[data-hs-status]', form);
  const status = hsCodeStatus(value('hsCode'));
  if (status.kind === 'incomplete') return void box.replaceChildren();
  const text = status.kind === 'importable' ? tr('hsCode.importable', { rate: status.ratePercent }) : tr('hsCode.notImportable');
  box.replaceChildren(el('span', { class: 'ws-hs-note', 'data-kind': status.kind }, text));
}

/** The price as the language writes decimals (650,50 in Russian); left as typed when it is not a price. */
function respellPrice(): void {
  const currency = listing?.price.currency ?? workspace.pavilion.currency;
  const amount = fromDecimal(value('price.amount'), currency);
  if (amount !== null) setValue('price.amount', toDecimal(amount, currency, decimalSeparator()));
}

function renderCertificates(list: readonly Certificate[]): void {
  certs.replaceChildren(...list.map((certificate, i) => certificateRow(certificate, i)));
}

function certificateRow(certificate: Certificate, i: number): HTMLElement {
  const cell = (control: HTMLElement, label: WordKey) =>
    el('label', { class: 'field' }, el('span', {}, tr(label)), control, el('span', { class: 'field-error' }));
  const kind = el('select', { name: `certificates.${i}.kind` }, ...CERTIFICATE_KINDS.map((k) => el('option', { value: k }, k.toUpperCase())));
  kind.value = certificate.kind;
  const row = el(
    'div',
    { class: 'ws-cert', 'data-cert': '' },
    cell(kind, 'field.certKind'),
    cell(el('input', { name: `certificates.${i}.number`, value: certificate.number, maxlength: CERTIFICATE_NUMBER_MAX, required: true }), 'field.certNumber'),
    cell(el('input', { name: `certificates.${i}.issuer`, value: certificate.issuer, maxlength: CERTIFICATE_ISSUER_MAX, required: true }), 'field.certIssuer'),
    cell(el('input', { type: 'date', name: `certificates.${i}.validUntil`, value: certificate.validUntil, required: true }), 'field.certValid'),
    el('button', { type: 'button', class: 'button button--ghost button--small', 'data-remove-cert': '', style: 'align-self:end' }, tr('cert.remove')),
  );
  return row;
}

function currentCertificates(): Certificate[] {
  return (collect().body.certificates as Certificate[]) ?? [];
}

function renderImages(): void {
  imagesBox.replaceChildren(
    ...images.map((url, i) =>
      el(
        'figure',
        { class: 'ws-image', style: 'margin:0' },
        el('img', { src: url, alt: '', width: 130, height: 130, loading: 'lazy' }),
        el(
          'span',
          {},
          i > 0 ? el('button', { type: 'button', class: 'button button--ghost button--small', 'data-cover': i }, tr('images.cover')) : '',
          el('button', { type: 'button', class: 'button button--ghost button--small', 'data-remove-image': i }, tr('images.remove')),
        ),
      ),
    ),
  );
}

/** Uploads straight to storage with the signed URL the API hands out, then adds the image to the form. */
async function upload(files: FileList): Promise<void> {
  const sku = value('sku');
  const id = listing?.id ?? (sku ? productIdFor(workspace.pavilion.code, sku) : null);
  if (!id) return showFieldErrors(form, [{ field: 'sku', message: tr('field.skuHint') }], banner);
  for (const file of files) {
    if (!isImageType(file.type)) {
      toast(tr('images.badType', { name: file.name }), 'bad');
      continue;
    }
    if (file.size > MAX_IMAGE_BYTES) {
      toast(tr('images.tooBig', { name: file.name }), 'bad');
      continue;
    }
    toast(tr('images.uploading'));
    try {
      const target = await api<UploadTarget>(`/listings/${id}/images`, {
        method: 'POST',
        json: { contentType: file.type, contentLength: file.size },
      });
      const response = await fetch(target.url, { method: 'PUT', headers: target.headers, body: file });
      if (!response.ok) throw new Error(`${file.name}: ${response.status} ${(await response.text()).slice(0, 200)}`);
      images = [...images, target.imageUrl];
      dirty = true;
      renderImages();
    } catch (error) {
      await fail(error);
    }
  }
}

function wire(): void {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void save();
  });
  form.addEventListener('input', (event) => {
    dirty = true;
    if ((event.target as HTMLInputElement).name === 'hsCode') showHsCodeStatus();
  });
  document.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      void save();
    }
  });
  window.addEventListener('beforeunload', (event) => {
    if (dirty) event.preventDefault();
  });
  $('[data-add-cert]').addEventListener('click', () => {
    renderCertificates([...currentCertificates(), { kind: 'gacc', number: '', issuer: '', validUntil: '' }]);
    dirty = true;
    certs.querySelector<HTMLElement>('[data-cert]:last-child select')?.focus();
  });
  certs.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest('[data-remove-cert]');
    if (!button) return;
    const index = [...certs.children].indexOf(button.closest('[data-cert]')!);
    renderCertificates(currentCertificates().filter((_, i) => i !== index));
    dirty = true;
  });
  imagesBox.addEventListener('click', (event) => {
    const target = event.target as HTMLElement;
    const remove = target.closest<HTMLElement>('[data-remove-image]');
    const cover = target.closest<HTMLElement>('[data-cover]');
    if (remove) images = images.filter((_, i) => i !== Number(remove.dataset.removeImage));
    if (cover) {
      const i = Number(cover.dataset.cover);
      images = [images[i]!, ...images.filter((_, j) => j !== i)];
    }
    if (remove || cover) {
      dirty = true;
      renderImages();
    }
  });
  $<HTMLInputElement>('[data-upload]').addEventListener('change', (event) => {
    const picker = event.target as HTMLInputElement;
    if (picker.files?.length) void upload(picker.files).finally(() => (picker.value = ''));
  });
  $('[data-archive]').addEventListener('click', () => void changeStatus('archive'));
  $('[data-restore]').addEventListener('click', () => void changeStatus('restore'));
  document.addEventListener('workspace:language', () => {
    translateCategories();
    showHsCodeStatus();
    respellPrice();
    renderCertificates(currentCertificates());
    renderImages();
    if (listing) {
      relabel(listing);
      showStock(listing);
    }
  });
}

function translateCategories(): void {
  const lang = currentLanguage();
  for (const option of form.querySelectorAll<HTMLOptionElement>('[data-category]')) {
    option.textContent = CATEGORY_NAMES[option.dataset.category as Category][lang];
  }
}

function input(name: string, root: ParentNode = form): HTMLInputElement {
  return $<HTMLInputElement>(`[name="${CSS.escape(name)}"]`, root);
}

function value(name: string, root: ParentNode = form): string {
  return input(name, root).value.trim();
}

function setValue(name: string, next: string): void {
  input(name).value = next;
}
