import { describe, expect, it } from 'vitest';
import { describeLlmConfig, LlmConfigError, readLlmConfig } from './config.js';

describe('language-model configuration', () => {
  it('is off when LLM_MODEL is unset or empty, whatever else is set', () => {
    expect(readLlmConfig({})).toEqual({ kind: 'off' });
    expect(readLlmConfig({ LLM_MODEL: '  ', OPENAI_API_KEY: 'sk-x' })).toEqual({ kind: 'off' });
  });

  it('reads OpenAI with a key, and defaults the timeout, budget and retries', () => {
    expect(readLlmConfig({ LLM_MODEL: 'gpt-4o-mini', OPENAI_API_KEY: 'sk-x' })).toEqual({
      kind: 'openai',
      model: 'gpt-4o-mini',
      apiKey: 'sk-x',
      timeoutMs: 20_000,
      maxInputTokens: 6_000,
      maxRetries: 0,
    });
  });

  it('accepts an OpenAI-compatible server by base URL without a key', () => {
    const c = readLlmConfig({ LLM_MODEL: 'llama3.1', OPENAI_BASE_URL: 'http://localhost:11434/v1' });
    expect(c).toMatchObject({ kind: 'openai', baseURL: 'http://localhost:11434/v1' });
  });

  it('reads Azure OpenAI with the deployment taken from LLM_MODEL', () => {
    const c = readLlmConfig({
      LLM_MODEL: 'familie-gpt',
      AZURE_OPENAI_ENDPOINT: 'https://kommune.openai.azure.com/',
      AZURE_OPENAI_API_KEY: 'k',
      OPENAI_API_VERSION: '2024-10-21',
    });
    expect(c).toMatchObject({ kind: 'azure', model: 'familie-gpt', apiVersion: '2024-10-21' });
  });

  it.each([
    ['OpenAI without a key or base URL', { LLM_MODEL: 'gpt-4o-mini' }, 'OPENAI_API_KEY'],
    ['Azure without an API version', { LLM_MODEL: 'd', AZURE_OPENAI_ENDPOINT: 'https://x.openai.azure.com', AZURE_OPENAI_API_KEY: 'k' }, 'OPENAI_API_VERSION'],
    ['a base URL that is not a URL', { LLM_MODEL: 'm', OPENAI_BASE_URL: 'localhost' }, 'OPENAI_BASE_URL'],
    ['a timeout that is not a number', { LLM_MODEL: 'm', OPENAI_API_KEY: 'k', LLM_TIMEOUT_MS: 'ti sekunder' }, 'LLM_TIMEOUT_MS'],
  ])('refuses %s, saying in Danish what to set', (_, env, mentioned) => {
    expect(() => readLlmConfig(env)).toThrow(LlmConfigError);
    expect(() => readLlmConfig(env)).toThrow(mentioned);
  });

  it('never puts the key in the summary that is logged', () => {
    const c = readLlmConfig({ LLM_MODEL: 'gpt-4o-mini', OPENAI_API_KEY: 'sk-hemmelig' });
    expect(JSON.stringify(describeLlmConfig(c))).not.toContain('sk-hemmelig');
  });
});
