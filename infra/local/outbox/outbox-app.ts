import { Hono } from 'hono';
import type { KeptMessage, LocalOutbox } from './local-outbox.js';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const PAGE_STYLE = `body{font-family:system-ui,sans-serif;margin:0 auto;padding:1rem;max-width:60rem;line-height:1.4}
ul{list-style:none;padding:0}li{border-bottom:1px solid #ddd;padding:.6rem 0}a{color:#0b5394}
.meta{color:#555;font-size:.9rem;overflow-wrap:anywhere}pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f6f6f6;padding:.75rem}
iframe{width:100%;min-height:24rem;border:1px solid #ccc}h1{font-size:1.3rem}h2{font-size:1.1rem}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title><style>${PAGE_STYLE}</style></head><body>${body}</body></html>`;
}

const TITLE = 'Outbox · 发件箱 · Исходящие';

function listPage(messages: readonly KeptMessage[]): string {
  const items = messages
    .map((m) => `<li><a href="/outbox/${encodeURIComponent(m.id)}">${escape(m.subject)}</a><div class="meta">${escape(m.to)} · ${escape(m.sentAt)}${m.orderId ? ` · ${escape(m.orderId)}` : ''}</div></li>`)
    .join('');
  return page(
    TITLE,
    `<h1>${TITLE}</h1><p class="meta">Mail the local store sent (nothing leaves this machine) · 本地商店发出的邮件 · Письма, отправленные локальным магазином. JSON: <a href="/api/outbox">/api/outbox</a></p>` +
      (messages.length ? `<ul>${items}</ul>` : '<p>No mail yet · 暂无邮件 · Писем пока нет</p>'),
  );
}

function messagePage(m: KeptMessage): string {
  return page(
    m.subject,
    `<p><a href="/outbox/">← ${TITLE}</a></p><h1>${escape(m.subject)}</h1>` +
      `<p class="meta">To: ${escape(m.to)}<br>Sent: ${escape(m.sentAt)}${m.orderId ? `<br>Order: ${escape(m.orderId)}` : ''}</p>` +
      // The HTML part in a sandbox with no scripts: a mail is shown as a mail client would, never run.
      `<h2>HTML</h2><iframe sandbox title="HTML part" srcdoc="${escape(m.html)}"></iframe>` +
      `<h2>Text</h2><pre>${escape(m.text)}</pre>`,
  );
}

/** The local outbox's pages: `/outbox/` (the list and each message) and `GET /api/outbox` (JSON). Wired only by infra/local/stack.ts. */
export function createOutboxApp(outbox: LocalOutbox): Hono {
  const app = new Hono();
  app.get('/api/outbox', (c) =>
    c.json({ items: outbox.list().map(({ id, to, subject, text, html, sentAt, orderId, kind }) => ({ id, to, subject, text, html, sentAt, orderId, kind })) }, 200, { 'cache-control': 'no-store' }),
  );
  app.get('/outbox', (c) => c.redirect('/outbox/', 301));
  app.get('/outbox/', (c) => c.html(listPage(outbox.list()), 200, { 'cache-control': 'no-store' }));
  app.get('/outbox/:id', (c) => {
    const message = outbox.get(c.req.param('id'));
    if (!message) return c.html(page('Not found', `<p>No such message. <a href="/outbox/">${TITLE}</a></p>`), 404);
    return c.html(messagePage(message), 200, { 'cache-control': 'no-store' });
  });
  return app;
}
