import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Mailer, MailMessage } from '../../../functions/ports/mailer.js';

/** One delivered message as the local outbox keeps and shows it (GET /api/outbox). */
export interface KeptMessage {
  readonly id: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly sentAt: string;
  readonly orderId: string | null;
  readonly kind: string;
}

/**
 * The local stand-in for SES: every message "sent" is kept, in memory and appended to a JSON-lines
 * file under the store's data folder (so `npm start` shows what earlier runs sent), and nothing
 * leaves the machine. Shown at /outbox/ and GET /api/outbox (outbox-app.ts); AWS has neither.
 */
export class LocalOutbox implements Mailer {
  private readonly messages: KeptMessage[] = [];

  constructor(private readonly file: string) {
    mkdirSync(dirname(file), { recursive: true });
    if (existsSync(file)) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        try {
          this.messages.push(JSON.parse(line) as KeptMessage);
        } catch {
          // A line cut short by a crash: skip it.
        }
      }
    }
  }

  async send(message: MailMessage): Promise<{ readonly messageId: string }> {
    const kept: KeptMessage = {
      id: randomUUID(),
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      sentAt: new Date().toISOString(),
      orderId: message.orderId ?? null,
      kind: message.kind,
    };
    await appendFile(this.file, `${JSON.stringify(kept)}\n`);
    this.messages.push(kept);
    return { messageId: `local-${kept.id}` };
  }

  /** Newest first. */
  list(): readonly KeptMessage[] {
    return [...this.messages].reverse();
  }

  get(id: string): KeptMessage | undefined {
    return this.messages.find((message) => message.id === id);
  }
}
