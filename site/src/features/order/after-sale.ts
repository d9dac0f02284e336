import type { ApiResult } from '../cart/api.js';
import type { OrderLineView, OrderView } from '../cart/api-types.js';
import { required } from '../cart/dom.js';
import type { Island } from '../cart/island.js';
import { canCancel, leftToRefund, refundTone, refusalKey, returnTone } from './after-sale-state.js';

/**
 * The order page after the sale: the offer to cancel (with a confirmation step), the refunds with
 * their state, and each line's refund and return (asking to return a shipped line). Every change goes
 * through the API with the order token; its answer is the whole order again, which `show` renders.
 */
export interface AfterSaleActions {
  readonly cancel: () => Promise<ApiResult<OrderView>>;
  readonly returnLine: (lineNo: number, reason: string) => Promise<ApiResult<OrderView>>;
  /** The order as the API now answers it (after a change, or to read it again after a refusal). */
  readonly show: (order: OrderView) => void;
  /** Reads the order again and follows it while a refund waits for the payment provider. */
  readonly reload: () => Promise<void>;
}

export function afterSale(island: Island, actions: AfterSaleActions) {
  const { root, t, money, locale } = island;
  const date = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso));
  const dateTime = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

  const message = required<HTMLElement>(root, '[data-after-sale-message]');
  const cancelBox = required<HTMLElement>(root, '[data-cancel]');
  const offer = required<HTMLElement>(cancelBox, '[data-cancel-offer]');
  const confirm = required<HTMLElement>(cancelBox, '[data-cancel-confirm]');
  const cancelProblem = required<HTMLElement>(cancelBox, '[data-cancel-problem]');
  const yes = required<HTMLButtonElement>(cancelBox, '[data-cancel-yes]');
  const refundTemplate = required<HTMLTemplateElement>(root, 'template[data-refund-template]');

  const say = (problem: HTMLElement, answer: Extract<ApiResult<OrderView>, { ok: false }>) => {
    problem.hidden = false;
    problem.textContent = t(refusalKey(answer.status, answer.problem?.reason));
  };

  const askToCancel = (asking: boolean) => {
    offer.hidden = asking;
    confirm.hidden = !asking;
    cancelProblem.hidden = true;
    required<HTMLElement>(cancelBox, asking ? '[data-cancel-no]' : '[data-cancel-open]').focus();
  };
  required<HTMLButtonElement>(cancelBox, '[data-cancel-open]').addEventListener('click', () => askToCancel(true));
  required<HTMLButtonElement>(cancelBox, '[data-cancel-no]').addEventListener('click', () => askToCancel(false));
  yes.addEventListener('click', async () => {
    yes.disabled = true;
    yes.textContent = t('order.cancel.working');
    const answer = await actions.cancel();
    yes.disabled = false;
    yes.textContent = t('order.cancel.confirm');
    if (answer.ok) {
      message.textContent = t('order.cancel.done');
      actions.show(answer.body);
      // The box asked for it is gone: the news and the order's new state are at the top.
      message.scrollIntoView({ block: 'center' });
      // Followed until the payment provider confirms the refund.
      void actions.reload();
      return;
    }
    say(cancelProblem, answer);
    offer.hidden = false;
    confirm.hidden = true;
    // A refusal (something shipped meanwhile) means the order changed: show it as it is now.
    if (answer.status === 409) void actions.reload();
  });

  /** The cancel offer, shown while the order can be cancelled; a refusal stays in view until the next try. */
  const renderCancel = (order: OrderView) => {
    const open = canCancel(order);
    cancelBox.hidden = open ? false : cancelProblem.hidden;
    offer.hidden = !open || !confirm.hidden;
    if (!open) confirm.hidden = true;
    const amount = money(leftToRefund(order));
    required<HTMLElement>(cancelBox, '[data-cancel-lead]').textContent = t('order.cancel.lead', { amount });
    required<HTMLElement>(cancelBox, '[data-cancel-confirm-body]').textContent = t('order.cancel.confirmBody', { amount });
  };

  const renderRefunds = (order: OrderView) => {
    const box = required<HTMLElement>(root, '[data-refunds]');
    box.hidden = order.refunds.length === 0;
    const total = required<HTMLElement>(box, '[data-refunded-total]');
    total.textContent = t('order.refunds.total', { refunded: money(order.refunded), total: money(order.total) });
    total.dataset.amount = String(order.refunded.amount);
    const items = order.refunds.map((refund) => {
      const item = (refundTemplate.content.firstElementChild as HTMLLIElement).cloneNode(true) as HTMLLIElement;
      item.dataset.refundId = refund.refundId;
      item.dataset.status = refund.status;
      required<HTMLElement>(item, '[data-refund-cause]').textContent = t(`order.refund.cause.${refund.cause}`);
      required<HTMLElement>(item, '[data-refund-amount]').textContent = money(refund.amount);
      const chip = required<HTMLElement>(item, '[data-refund-status]');
      chip.dataset.tone = refundTone(refund.status);
      chip.textContent = t(`order.refund.status.${refund.status}`);
      required<HTMLElement>(item, '[data-refund-note]').textContent = t(`order.refund.note.${refund.status}`, {
        date: dateTime(refund.status === 'succeeded' && refund.settledAt ? refund.settledAt : refund.requestedAt),
      });
      return item;
    });
    required<HTMLElement>(box, '[data-refund-list]').replaceChildren(...items);
  };

  /** A line's refund, its return's state, and the way to ask for a return while it can be. */
  const renderLine = (item: HTMLElement, line: OrderLineView, orderId: string) => {
    const refund = required<HTMLElement>(item, '[data-line-refund]');
    refund.hidden = !line.refund;
    if (line.refund) {
      refund.dataset.tone = refundTone(line.refund.status);
      refund.dataset.status = line.refund.status;
      refund.textContent = t(`order.line.refund.${line.refund.status}`, { amount: money(line.refund.amount) });
    }

    const state = required<HTMLElement>(item, '[data-return-state]');
    state.hidden = !line.return;
    if (line.return) {
      state.dataset.tone = returnTone(line.return.status);
      state.dataset.status = line.return.status;
      state.textContent = t(`order.return.${line.return.status}`, {
        date: date(line.return.status === 'accepted' ? line.return.goodsDueBy : line.return.requestedAt),
        reason: line.return.declineReason ?? '',
      });
    }

    const box = required<HTMLElement>(item, '[data-return]');
    box.hidden = !line.returnableUntil;
    if (!line.returnableUntil) return;
    required<HTMLElement>(box, '[data-return-until]').textContent = t('order.return.until', { date: date(line.returnableUntil) });
    const open = required<HTMLButtonElement>(box, '[data-return-open]');
    const form = required<HTMLFormElement>(box, '[data-return-form]');
    const reason = required<HTMLTextAreaElement>(form, '[data-return-reason]');
    const problem = required<HTMLElement>(form, '[data-return-problem]');
    const send = required<HTMLButtonElement>(form, 'button[type="submit"]');
    const id = `return-${orderId}-${line.lineNo}`;
    reason.id = id;
    required<HTMLLabelElement>(form, '[data-return-label]').htmlFor = id;
    required<HTMLElement>(form, '[data-return-hint]').id = `${id}-hint`;
    reason.setAttribute('aria-describedby', `${id}-hint`);
    const showForm = (shown: boolean) => {
      form.hidden = !shown;
      open.hidden = shown;
      (shown ? reason : open).focus();
    };
    open.addEventListener('click', () => showForm(true));
    required<HTMLButtonElement>(form, '[data-return-close]').addEventListener('click', () => showForm(false));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const text = reason.value.trim();
      if (text.length < 3) {
        problem.hidden = false;
        problem.textContent = t('order.problem.invalid');
        reason.setAttribute('aria-invalid', 'true');
        reason.focus();
        return;
      }
      send.disabled = true;
      const answer = await actions.returnLine(line.lineNo, text);
      send.disabled = false;
      if (answer.ok) {
        message.textContent = t('order.return.sent');
        form.hidden = true;
        actions.show(answer.body);
        return;
      }
      say(problem, answer);
      if (answer.status === 400) reason.setAttribute('aria-invalid', 'true');
    });
  };

  return {
    render(order: OrderView) {
      renderCancel(order);
      renderRefunds(order);
    },
    renderLine,
  };
}
