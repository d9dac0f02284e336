import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { App } from 'aws-cdk-lib';
import { REPO_ROOT } from './constructs/paths.js';
import { createCloudApp } from './stacks/cloud-app.js';

/**
 * The CDK app: `npx cdk synth|deploy --all`. Context (-c name=value or cdk.context.json):
 *   siteDist       the built site (default site/dist, made by `npm run build:site`)
 *   domainName     a custom domain for the site, with certificateArn (ACM, us-east-1)
 *   alarmEmail     where alarms are mailed
 *   mailFrom       the address the store's mail comes from (default orders@<domainName>); verify its domain in SES
 */
const app = new App();
const context = (name: string): string | undefined => {
  const value: unknown = app.node.tryGetContext(name);
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/** An operator's mistake, said plainly (no stack trace). */
function refuse(message: string): never {
  console.error(`infra/app.ts: ${message}`);
  process.exit(1);
}

const siteDist = resolve(REPO_ROOT, context('siteDist') ?? 'site/dist');
if (!existsSync(join(siteDist, 'index.html'))) {
  // Deploying without the built site would upload nothing and publish a CSP without the site's inline scripts.
  refuse(
    `no built site at ${siteDist}. Build it first with \`npm run build:site\` (or \`npm start\`), ` +
      'or synth against another build with -c siteDist=<folder>.',
  );
}

const domainName = context('domainName');
const certificateArn = context('certificateArn');
if (Boolean(domainName) !== Boolean(certificateArn)) {
  refuse('a custom domain needs both -c domainName=… and -c certificateArn=… (an ACM certificate in us-east-1).');
}

const alarmEmail = context('alarmEmail');
const mailFrom = context('mailFrom');
if (mailFrom && !/^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$/.test(mailFrom)) refuse(`mailFrom must be an address like orders@shop.example.com, got ${mailFrom}`);
// The CDK CLI sets CDK_DEFAULT_REGION (from AWS_REGION or the profile, us-east-1 if neither says).
const region = process.env.CDK_DEFAULT_REGION ?? process.env.AWS_REGION;
if (!region) refuse('no region: run through the CDK CLI (npx cdk synth|deploy), or set AWS_REGION.');
createCloudApp({
  app,
  siteDist,
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region },
  ...(domainName && certificateArn ? { customDomain: { domainName, certificateArn } } : {}),
  ...(alarmEmail ? { alarmEmail } : {}),
  ...(mailFrom ? { mailFrom } : {}),
});
app.synth();
