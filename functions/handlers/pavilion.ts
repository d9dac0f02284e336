import { handle } from 'hono/aws-lambda';
import { readConfig } from '../config.js';
import { createApi } from '../http/api.js';
import { assertPavilionConfig } from './wire-pavilion.js';
import { wireDeps } from './wire.js';

const config = readConfig();
assertPavilionConfig(config);

/** The pavilion workspace Lambda: /api/pavilion/*, behind Cognito tokens verified in the app. */
export const handler = handle(createApi(wireDeps(config), ['pavilion']));
