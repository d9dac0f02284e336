import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SesMailer } from '../../functions/adapters/mail/ses-mailer.js';
import { MailRejectedError, type MailMessage } from '../../functions/ports/mailer.js';

/**
 * The SES adapter through the real SDK against a stand-in SES endpoint: the request it makes (SES v2
 * SendEmail, REST-JSON), and how SES's answers become the port's outcomes.
 */
let server: Server;
let endpoint: string;
const requests: { method: string; path: string; body: any }[] = [];
let answer: { status: number; headers: Record<string, string>; body: object } = { status: 200, headers: {}, body: { MessageId: 'ses-0001' } };

beforeAll(async () => {
  server = createServer(async (request: IncomingMessage, response) => {
    let body = '';
    for await (const chunk of request) body += chunk;
    requests.push({ method: request.method ?? '', path: request.url ?? '', body: body ? JSON.parse(body) : null });
    response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    response.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server?.close());

const client = () => new SESv2Client({ endpoint, region: 'ap-southeast-1', maxAttempts: 1, credentials: { accessKeyId: 'AKIATEST', secretAccessKey: 'test' } });
const mailer = () => {
  const ses = client();
  return new SesMailer({ from: 'SCO Bazaar <orders@shop.example.com>', configurationSet: 'sco-bazaar-mail', send: (input) => ses.send(new SendEmailCommand(input)) });
};
const message: MailMessage = {
  to: 'shopper@example.com', subject: '订单 ORD-1 已确认', text: 'plain', html: '<p>html</p>', orderId: 'ORD-1', reference: 'ORD-1/shipped#002', kind: 'line_shipped',
};

describe('SesMailer', () => {
  it('sends one SendEmail with both parts in UTF-8, the configuration set and tags naming the outbox record', async () => {
    answer = { status: 200, headers: {}, body: { MessageId: 'ses-0001' } };
    requests.length = 0;
    expect(await mailer().send(message)).toEqual({ messageId: 'ses-0001' });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: 'POST', path: '/v2/email/outbound-emails' });
    expect(requests[0]!.body).toEqual({
      FromEmailAddress: 'SCO Bazaar <orders@shop.example.com>',
      Destination: { ToAddresses: ['shopper@example.com'] },
      Content: {
        Simple: {
          Subject: { Data: '订单 ORD-1 已确认', Charset: 'UTF-8' },
          Body: { Text: { Data: 'plain', Charset: 'UTF-8' }, Html: { Data: '<p>html</p>', Charset: 'UTF-8' } },
        },
      },
      // Tag values allow no `/` or `#`.
      EmailTags: [{ Name: 'kind', Value: 'line_shipped' }, { Name: 'reference', Value: 'ORD-1_shipped_002' }],
      ConfigurationSetName: 'sco-bazaar-mail',
    });
  });

  it('turns a message SES rejects into a rejection no retry can cure', async () => {
    answer = { status: 400, headers: { 'x-amzn-errortype': 'MessageRejected' }, body: { message: 'Email address is not verified.' } };
    await expect(mailer().send(message)).rejects.toBeInstanceOf(MailRejectedError);
  });

  it('leaves throttling to be tried again later', async () => {
    answer = { status: 429, headers: { 'x-amzn-errortype': 'TooManyRequestsException' }, body: { message: 'Maximum sending rate exceeded.' } };
    const error = await mailer().send(message).catch((caught: Error) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(MailRejectedError);
    expect((error as Error).name).toBe('TooManyRequestsException');
  });
});
