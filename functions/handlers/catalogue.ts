import { handle } from 'hono/aws-lambda';
import { wireDeps } from './wire.js';
import { createApi } from '../http/api.js';

export const handler = handle(createApi(wireDeps(), ['catalogue']));
