import { handle } from 'hono/aws-lambda';
import { readConfig } from '../config.js';
import { mountApi } from '../http/api-root.js';
import { createPavilionApp } from '../http/pavilion/app.js';
import { lazyDeps } from '../usecases/lazy-deps.js';
import { PAVILION_DEPS, type PavilionDeps } from '../usecases/pavilion/deps.js';
import { wireBase } from './wire-common.js';
import { assertPavilionConfig, wirePavilionFunction } from './wire-pavilion.js';

const config = readConfig();
assertPavilionConfig(config);
const deps = lazyDeps<PavilionDeps>(wirePavilionFunction(wireBase(config)), PAVILION_DEPS);

/** The pavilion workspace Lambda: /api/pavilion/*, behind Cognito tokens verified in the app. */
export const handler = handle(mountApi(() => deps.telemetry, [createPavilionApp(deps)]));
