/**
 * A tokenizer-free estimate of how many tokens a text costs. BPE tokenizers cut Danish into
 * shorter pieces than English, so words count as more than one token and every punctuation
 * mark as one. It errs high, which keeps a request that we believe fits inside the real budget.
 */
export function estimateTokens(text: string): number {
  let tokens = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu)) {
    const piece = m[0];
    tokens += /[\p{L}\p{N}]/u.test(piece) ? Math.ceil(piece.length / 4) : 1;
  }
  return tokens;
}
