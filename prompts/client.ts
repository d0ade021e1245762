import OpenAI, { AzureOpenAI } from 'openai';
import type { ActiveLlmConfig } from './config.js';

/** What a summary needs to talk to a model: a Chat Completions client and its settings. */
export interface ChatModel {
  readonly client: OpenAI;
  /** The model name (for Azure: the deployment), sent with each request and shown as the producer. */
  readonly model: string;
  readonly maxInputTokens: number;
}

/**
 * The SDK tells the server its OS, architecture, runtime and versions in x-stainless-* headers;
 * none of that is the model's business, so it does not leave the machine.
 */
const withoutPlatformHeaders: typeof fetch = (input, init) => {
  const headers = new Headers(init?.headers);
  const platform: string[] = [];
  headers.forEach((_value, name) => {
    if (name.toLowerCase().startsWith('x-stainless')) platform.push(name);
  });
  for (const name of platform) headers.delete(name);
  return fetch(input, { ...init, headers });
};

/**
 * One client for OpenAI, Azure OpenAI and any OpenAI-compatible server, all spoken to through
 * Chat Completions. The SDK's own logging is switched off whatever OPENAI_LOG says, because at
 * debug level it would log request and response bodies, and those hold case notes.
 */
export function createChatModel(config: ActiveLlmConfig): ChatModel {
  const common = { timeout: config.timeoutMs, maxRetries: config.maxRetries, logLevel: 'off' as const, fetch: withoutPlatformHeaders };
  const client =
    config.kind === 'azure'
      ? new AzureOpenAI({
          endpoint: config.endpoint,
          apiKey: config.apiKey,
          apiVersion: config.apiVersion,
          deployment: config.model,
          ...common,
        })
      : new OpenAI({ apiKey: config.apiKey, ...(config.baseURL ? { baseURL: config.baseURL } : {}), ...common });
  return { client, model: config.model, maxInputTokens: config.maxInputTokens };
}
