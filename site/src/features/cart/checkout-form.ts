import { chinaDate } from '../../../../functions/domain/cross-border.js';
import { normalizeResidentId } from '../../../../functions/domain/resident-id.js';
import { CHECKOUT_FIELDS, earlyNotes, idNumberNoteKey, isAccepted, type AcceptedDetails, type CheckoutDetails, type CheckoutField } from './checkout-fields.js';
import { divisionsPicker } from './divisions-picker.js';
import { required } from './dom.js';
import { forgetRecipient, rememberedRecipient, rememberRecipient } from './session.js';

/**
 * The checkout form on the cart page (CheckoutDetails.astro and the email beside the Pay button):
 * reads what the shopper filled in, shows a message beside each field that is wrong (from the early
 * check or the server's 400) and moves the focus to the first one, and, when the shopper ticks the
 * box, keeps the recipient, and only the recipient, for next time.
 */
export interface CheckoutForm {
  /** The details when they pass the early check; otherwise null, with the messages shown. */
  read(): AcceptedDetails | null;
  /** Messages (already in the page's language) beside their fields; every other field is cleared. */
  showNotes(notes: ReadonlyMap<CheckoutField, string>): void;
  /** After a checkout the server took: the recipient is remembered, or forgotten if the shopper said so. */
  checkedOut(details: CheckoutDetails): void;
  /** The version of the consumer notice the page shows (sent with the acceptance). */
  readonly noticeVersion: string;
  readonly email: HTMLInputElement;
}

type Control = HTMLInputElement | HTMLSelectElement;

export function checkoutForm(root: HTMLElement, say: (key: string) => string): CheckoutForm {
  const control = (field: CheckoutField) => required<Control>(root, `[data-field="${field}"]`);
  const errorOf = (field: CheckoutField) => required<HTMLElement>(root, `[data-error-for="${field}"]`);
  const value = (field: CheckoutField) => control(field).value.trim();
  const buyerIsRecipient = required<HTMLInputElement>(root, '[data-buyer-is-recipient]');
  const buyerOwn = required<HTMLElement>(root, '[data-buyer-own]');
  const buyerSameHint = required<HTMLElement>(root, '[data-buyer-same-hint]');
  const remember = required<HTMLInputElement>(root, '[data-remember-recipient]');
  const notice = control('noticeAccepted') as HTMLInputElement;

  const setNote = (field: CheckoutField, text: string | null) => {
    const error = errorOf(field);
    error.hidden = !text;
    error.textContent = text ?? '';
    if (text) control(field).setAttribute('aria-invalid', 'true');
    else control(field).removeAttribute('aria-invalid');
  };

  const showNotes = (notes: ReadonlyMap<CheckoutField, string>) => {
    const shown = new Map(notes);
    // The buyer's own fields are hidden while the buyer is the recipient: their name is the recipient's.
    if (buyerIsRecipient.checked) {
      const nameNote = shown.get('buyer.name');
      if (nameNote && !shown.has('recipient.name')) shown.set('recipient.name', nameNote);
      shown.delete('buyer.name');
      shown.delete('buyer.phone');
    }
    for (const field of CHECKOUT_FIELDS) setNote(field, shown.get(field) ?? null);
    const first = CHECKOUT_FIELDS.find((field) => shown.has(field));
    if (first) control(first).focus();
  };

  // The buyer's own name is required exactly while its field is shown.
  const buyerName = control('buyer.name');
  const showBuyerOwn = () => {
    buyerOwn.hidden = buyerIsRecipient.checked;
    buyerSameHint.hidden = !buyerIsRecipient.checked;
    buyerName.required = !buyerIsRecipient.checked;
  };
  buyerIsRecipient.addEventListener('change', showBuyerOwn);
  showBuyerOwn();

  // A message goes as soon as the shopper changes that field. The ID number gets its early word as
  // its 18th character is typed, not on leaving the field: a message appearing then would move the
  // next thing the shopper is clicking.
  const edited = (event: Event) => {
    const field = (event.target as HTMLElement).dataset?.field as CheckoutField | undefined;
    if (!field) return;
    if (field === 'buyer.idNumber') return checkIdNumberWhenComplete();
    if (control(field).getAttribute('aria-invalid') === 'true') setNote(field, null);
  };
  const checkIdNumberWhenComplete = () => {
    const id = normalizeResidentId(value('buyer.idNumber'));
    const key = id.length < 18 ? null : idNumberNoteKey(id, chinaDate(new Date().toISOString()));
    setNote('buyer.idNumber', key ? say(key) : null);
  };
  root.addEventListener('input', edited);
  root.addEventListener('change', edited);

  remember.addEventListener('change', () => {
    if (!remember.checked) forgetRecipient();
  });

  const picker = divisionsPicker(
    { province: control('recipient.province') as HTMLSelectElement, city: control('recipient.city') as HTMLSelectElement, district: control('recipient.district') as HTMLSelectElement },
    { choose: say('cart.choose'), loading: say('cart.divisionsLoading') },
  );
  void picker.ready.then((loaded) => {
    required<HTMLElement>(root, '[data-divisions-failed]').hidden = loaded;
  });

  // The box is unticked by default (a shared device should not keep a stranger's address); a
  // recipient this device already keeps ticks it, so checking out again does not forget it.
  const remembered = rememberedRecipient();
  if (remembered) {
    remember.checked = true;
    for (const field of ['name', 'phone', 'address', 'postcode'] as const) {
      const input = control(`recipient.${field}`);
      if (!input.value) input.value = remembered[field];
    }
    void picker.ready.then((loaded) => {
      if (loaded && !value('recipient.province')) picker.choose(remembered);
    });
  }

  const details = (): CheckoutDetails => {
    const recipient = {
      name: value('recipient.name'),
      phone: value('recipient.phone'),
      province: value('recipient.province'),
      city: value('recipient.city'),
      district: value('recipient.district'),
      address: value('recipient.address'),
      postcode: value('recipient.postcode'),
    };
    const same = buyerIsRecipient.checked;
    return {
      email: value('email'),
      recipient,
      buyer: { name: same ? recipient.name : value('buyer.name'), phone: same ? '' : value('buyer.phone'), idNumber: value('buyer.idNumber') },
      noticeAccepted: notice.checked,
    };
  };

  return {
    read() {
      const filled = details();
      const notes = earlyNotes(filled, chinaDate(new Date().toISOString()));
      showNotes(new Map([...notes].map(([field, key]) => [field, say(key)])));
      return notes.size === 0 && isAccepted(filled) ? filled : null;
    },
    showNotes,
    checkedOut(filled) {
      if (remember.checked) rememberRecipient(filled.recipient);
      else forgetRecipient();
    },
    noticeVersion: notice.dataset.noticeVersion ?? '',
    email: control('email') as HTMLInputElement,
  };
}
