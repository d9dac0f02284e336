import { $, toast } from '../pavilion/dom.js';
import * as api from './console-api.js';
import { attentionView } from './attention-view.js';
import { tr } from './i18n.js';
import { orderFileView, refundForm } from './order-file-view.js';
import { orderIdFrom } from './order-id.js';
import { pavilionsView } from './pavilions-view.js';

/**
 * The console's other sections, beside the customs document (console.ts): what needs attention,
 * finding an order by number or email and refunding it, and the pavilions. Everything lives in
 * this module's memory, never in storage or the address bar; it starts once console.ts has
 * admitted an operator ('operator:ready') and draws again when the language changes.
 */
const attentionBox = $('[data-attention]');
const findForm = $<HTMLFormElement>('[data-find]');
const findInput = $<HTMLInputElement>('[data-find-query]');
const findMessage = $('[data-find-message]');
const findResults = $('[data-find-results]');
const fileBox = $('[data-order-file]');
const pavilionsBox = $('[data-pavilions]');

let attentionItems: readonly api.AttentionItem[] | null = null;
let file: api.OrderFile | null = null;
let pavilionList: readonly api.OperatorPavilion[] | null = null;

/** A refusal: signed out or not an operator sends the operator back to sign in (console.ts reloads it). */
function failed(answer: { status: number; message: string }): string {
  if (answer.status === 401 || answer.status === 403) location.reload();
  return answer.message;
}

async function loadAttention(): Promise<void> {
  const answer = await api.attention();
  if (!answer.ok) return void toast(failed(answer), 'bad');
  attentionItems = answer.value.items;
  drawAttention();
}

function drawAttention(): void {
  if (attentionItems) attentionBox.replaceChildren(attentionView(attentionItems, (orderId) => void openOrder(orderId)));
}

async function openOrder(orderId: string): Promise<void> {
  const answer = await api.orderFile(orderId);
  if (!answer.ok) return say(answer.status === 404 ? tr('result.missing', { orderId }) : failed(answer));
  file = answer.value;
  say(null);
  drawFile();
  $('#op-file-title', fileBox).focus();
}

function drawFile(): void {
  if (!file) return void fileBox.replaceChildren();
  const shown = file;
  fileBox.replaceChildren(
    orderFileView(shown, {
      onRefund: (lineNo) => showRefundForm(shown.orderId, lineNo),
      onCustoms: () => {
        // The customs section does the rest: its form, its document, its CSV.
        const input = $<HTMLInputElement>('[data-order-id]');
        input.value = shown.orderId;
        $<HTMLFormElement>('[data-lookup]').requestSubmit();
      },
    }),
  );
}

function showRefundForm(orderId: string, lineNo: number | null): void {
  const slot = $('[data-refund-slot]', fileBox);
  const what = lineNo === null ? tr('refund.order') : tr('refund.line', { lineNo: String(lineNo) });
  const form = refundForm(
    what,
    async (reason, restock) => {
      const answer = await api.refund(orderId, { reason, restock, ...(lineNo === null ? {} : { lineNo }) });
      if (!answer.ok) return void toast(tr('refund.failed', { reason: failed(answer) }), 'bad');
      toast(tr('refund.done', { refundId: answer.value.refund.refundId, status: answer.value.refund.status }));
      await openOrder(orderId);
      void loadAttention();
    },
    () => slot.replaceChildren(),
  );
  slot.replaceChildren(form);
  $<HTMLTextAreaElement>('[data-refund-reason]', form).focus();
}

function say(text: string | null): void {
  findMessage.hidden = text === null;
  findMessage.textContent = text ?? '';
}

findForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const query = findInput.value.trim();
  findResults.replaceChildren();
  const orderId = orderIdFrom(query);
  if (orderId) return openOrder(orderId);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(query)) return say(tr('find.invalid'));
  const answer = await api.ordersByEmail(query);
  if (!answer.ok) return say(failed(answer));
  const { items } = answer.value;
  say(items.length ? tr('find.results', { count: String(items.length) }) : tr('find.none'));
  findResults.replaceChildren(
    ...items.map((order) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'button button--small';
      button.dataset.openOrder = order.orderId;
      button.textContent = `${order.orderId} · ${tr(`status.${order.status}`)}`;
      button.addEventListener('click', () => void openOrder(order.orderId));
      return button;
    }),
  );
});

async function loadPavilions(): Promise<void> {
  const answer = await api.pavilions();
  if (!answer.ok) return void toast(failed(answer), 'bad');
  pavilionList = answer.value.items;
  drawPavilions();
}

function drawPavilions(): void {
  if (!pavilionList) return;
  pavilionsBox.replaceChildren(
    pavilionsView(pavilionList, {
      onInvite: async (code, email) => {
        const answer = await api.inviteManager(code, email);
        if (!answer.ok) return void toast(tr('pavilions.refused', { reason: failed(answer) }), 'bad');
        toast(tr('pavilions.invited', { email }));
        await loadPavilions();
      },
      onSuspend: async (code, suspend, reason) => {
        const answer = suspend ? await api.suspendPavilion(code, reason) : await api.reinstatePavilion(code, reason);
        if (!answer.ok) return void toast(tr('pavilions.refused', { reason: failed(answer) }), 'bad');
        await loadPavilions();
      },
    }),
  );
}

$('[data-attention-refresh]').addEventListener('click', () => void loadAttention());
document.addEventListener('operator:ready', () => {
  void loadAttention();
  void loadPavilions();
});
document.addEventListener('operator:language', () => {
  drawAttention();
  drawFile();
  drawPavilions();
});
