import { z } from 'zod';

/** What the model must answer: prose and the passages it chose, with a short reason each. */
export const modelOutputSchema = z.object({
  summary: z.string().trim().min(1),
  passages: z
    .array(z.object({ id: z.string().trim().min(1), why: z.string().trim().default('') }))
    .default([]),
});
export type ModelOutput = z.infer<typeof modelOutputSchema>;

/** Parses the model's message; some servers wrap JSON in a Markdown fence even when asked not to. */
export function parseModelOutput(content: string | null | undefined): ModelOutput | undefined {
  if (!content) return undefined;
  const unfenced = content.trim().replace(/^```(?:json)?\s*([\s\S]*?)\s*```$/, '$1');
  let json: unknown;
  try {
    json = JSON.parse(unfenced);
  } catch {
    return undefined;
  }
  const parsed = modelOutputSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
