import { formatMoney, isCurrency } from '../../../functions/domain/money.js';
import type { LocalLineItem, LocalSession } from './sessions.js';

/** The hosted checkout page: plain HTML forms, so a person or a script can pay or cancel. */
export function checkoutPage(session: LocalSession, lines: readonly LocalLineItem[]): string {
  const rows = lines
    .map((line) => `<tr><td>${escape(line.name)}</td><td class="n">× ${line.quantity}</td><td class="n">${amount(line.unit_amount * line.quantity, line.currency)}</td></tr>`)
    .join('\n');
  const methods = session.payment_method_types
    .map((method, index) => `<label><input type="radio" name="payment_method" value="${escape(method)}"${index === 0 ? ' checked' : ''}> ${escape(METHOD_NAMES[method] ?? method)}</label>`)
    .join('\n');
  return layout(
    'Local Stripe Checkout',
    `<h1>Local Stripe Checkout <small>(test mode)</small></h1>
<p class="email">${session.customer_email ? escape(session.customer_email) : ''}</p>
<table>
${rows}
<tr class="total"><th>Total</th><td></td><td class="n" data-testid="total">${amount(session.amount_total, session.currency)}</td></tr>
</table>
<form method="post" action="/pay/${session.id}/pay">
<fieldset><legend>Pay with</legend>${methods}</fieldset>
<button type="submit" name="action" value="pay" data-testid="pay">Pay ${amount(session.amount_total, session.currency)}</button>
</form>
<form method="post" action="/pay/${session.id}/cancel">
<button type="submit" name="action" value="cancel" data-testid="cancel">Cancel and return</button>
</form>`,
  );
}

export function messagePage(title: string, message: string): string {
  return layout(title, `<h1>${escape(title)}</h1><p>${escape(message)}</p>`);
}

const METHOD_NAMES: Record<string, string> = { card: 'Card', alipay: 'Alipay 支付宝', wechat_pay: 'WeChat Pay 微信支付' };

function amount(minor: number, currency: string): string {
  const code = currency.toUpperCase();
  return escape(isCurrency(code) ? formatMoney({ amount: minor, currency: code }, 'en') : `${minor} ${code} (minor units)`);
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1a1f36}
h1 small{font-size:.6em;color:#697386}table{width:100%;border-collapse:collapse;margin:1rem 0}
td,th{padding:.4rem 0;border-bottom:1px solid #e3e8ee;text-align:left}.n{text-align:right}
.total th,.total td{font-weight:700}fieldset{border:1px solid #e3e8ee;margin:1rem 0}label{display:block;padding:.2rem 0}
button{font-size:1rem;padding:.6rem 1.2rem;margin:.3rem 0;width:100%;border-radius:6px;border:1px solid #635bff;background:#635bff;color:#fff;cursor:pointer}
form+form button{background:#fff;color:#635bff}
</style></head><body>${body}</body></html>`;
}

function escape(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
