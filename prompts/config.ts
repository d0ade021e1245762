import { z } from 'zod';

/**
 * The language-model configuration, read once from the environment and checked with zod. With
 * LLM_MODEL unset the model is off and nothing is ever sent; summaries are then extractive.
 */

const common = {
  timeoutMs: z.number().int().positive(),
  maxInputTokens: z.number().int().min(1000),
  maxRetries: z.number().int().min(0).max(5),
};

export const llmConfigSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('off') }),
  z.object({
    kind: z.literal('openai'),
    model: z.string().min(1),
    apiKey: z.string().min(1),
    /** An OpenAI-compatible server (Ollama, vLLM, …); unset means OpenAI itself. */
    baseURL: z.url().optional(),
    ...common,
  }),
  z.object({
    kind: z.literal('azure'),
    /** For Azure the model is the deployment name. */
    model: z.string().min(1),
    endpoint: z.url(),
    apiKey: z.string().min(1),
    apiVersion: z.string().min(1),
    ...common,
  }),
]);
export type LlmConfig = z.infer<typeof llmConfigSchema>;
export type ActiveLlmConfig = Exclude<LlmConfig, { kind: 'off' }>;

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));
const optionalInt = (fallback: number, what: string) =>
  optionalText.pipe(
    z
      .string()
      .regex(/^\d+$/, { error: `${what} skal være et helt tal.` })
      .transform(Number)
      .optional()
      .transform((v) => v ?? fallback),
  );

const envSchema = z.object({
  LLM_MODEL: optionalText,
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: optionalText,
  AZURE_OPENAI_ENDPOINT: optionalText,
  AZURE_OPENAI_API_KEY: optionalText,
  OPENAI_API_VERSION: optionalText,
  LLM_TIMEOUT_MS: optionalInt(20_000, 'LLM_TIMEOUT_MS'),
  LLM_MAX_INPUT_TOKENS: optionalInt(6_000, 'LLM_MAX_INPUT_TOKENS'),
  LLM_MAX_RETRIES: optionalInt(0, 'LLM_MAX_RETRIES'),
});

export class LlmConfigError extends Error {
  override readonly name = 'LlmConfigError';
}

// A local OpenAI-compatible server usually wants no key, but the SDK insists on one.
const NO_KEY = 'ingen-noegle';

/** Reads and checks the configuration; throws LlmConfigError, in Danish, saying what to set. */
export function readLlmConfig(env: NodeJS.ProcessEnv = process.env): LlmConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new LlmConfigError(parsed.error.issues.map((i) => i.message).join(' '));
  const e = parsed.data;
  if (!e.LLM_MODEL) return { kind: 'off' };
  const common = { model: e.LLM_MODEL, timeoutMs: e.LLM_TIMEOUT_MS, maxInputTokens: e.LLM_MAX_INPUT_TOKENS, maxRetries: e.LLM_MAX_RETRIES };
  const candidate = e.AZURE_OPENAI_ENDPOINT
    ? { kind: 'azure', endpoint: e.AZURE_OPENAI_ENDPOINT, apiKey: e.AZURE_OPENAI_API_KEY, apiVersion: e.OPENAI_API_VERSION, ...common }
    : { kind: 'openai', apiKey: e.OPENAI_API_KEY ?? (e.OPENAI_BASE_URL ? NO_KEY : undefined), baseURL: e.OPENAI_BASE_URL, ...common };
  const result = llmConfigSchema.safeParse(candidate);
  if (result.success) return result.data;
  const missing = result.error.issues.map((i) => i.path.join('.'));
  throw new LlmConfigError(
    candidate.kind === 'azure'
      ? `Sprogmodellen via Azure OpenAI mangler eller har ugyldige indstillinger (${missing.join(', ')}): sæt AZURE_OPENAI_ENDPOINT (en URL), AZURE_OPENAI_API_KEY og OPENAI_API_VERSION, eller fjern LLM_MODEL for at slå sprogmodellen fra.`
      : `Sprogmodellen mangler eller har ugyldige indstillinger (${missing.join(', ')}): sæt OPENAI_API_KEY, eller OPENAI_BASE_URL (en URL) til en OpenAI-kompatibel server, eller fjern LLM_MODEL for at slå sprogmodellen fra.`,
  );
}

/** A summary of the configuration that is safe to log: never the key. */
export function describeLlmConfig(config: LlmConfig): Record<string, unknown> {
  switch (config.kind) {
    case 'off':
      return { llm: 'off' };
    case 'openai':
      return { llm: 'openai', model: config.model, baseURL: config.baseURL ?? 'api.openai.com', timeoutMs: config.timeoutMs };
    case 'azure':
      return { llm: 'azure', deployment: config.model, endpoint: config.endpoint, apiVersion: config.apiVersion, timeoutMs: config.timeoutMs };
  }
}
