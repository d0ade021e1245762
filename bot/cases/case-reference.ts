import { z } from 'zod';
import { containsCprLike } from '../privacy/cpr.js';
import { looksLikeFullName } from '../privacy/names.js';

/**
 * A case is known by the municipality's own case reference and a pseudonym for the child,
 * never by a CPR number or a name. Both are checked here, where the user's text first
 * becomes a case, and again by storage before anything is written.
 */

const REFERENCE_CHARS = /^[\p{L}\d.\-/]+$/u;
const REFERENCE_EXAMPLE = 'fx "27.12.08-G01-123-25" eller "SAG-2025-0042"';

export function caseReferenceProblem(reference: string): string | null {
  if (reference.length === 0) return `Skriv kommunens sagsnummer, ${REFERENCE_EXAMPLE}.`;
  // Dots and slashes removed too, so "01.02.03-1234" is caught as well as "010203-1234".
  if (containsCprLike(reference) || containsCprLike(reference.replace(/[./]/g, ''))) {
    return `Sagsnummeret ligner et CPR-nummer, og CPR-numre må ikke gemmes. Skriv kommunens sagsnummer i stedet, ${REFERENCE_EXAMPLE}.`;
  }
  if (/\s/.test(reference)) return `Sagsnummeret må ikke indeholde mellemrum. Skriv det som i sagssystemet, ${REFERENCE_EXAMPLE}.`;
  if (!REFERENCE_CHARS.test(reference)) {
    return `Sagsnummeret må kun indeholde bogstaver, tal, punktum (.), bindestreg (-) og skråstreg (/), ${REFERENCE_EXAMPLE}.`;
  }
  if (reference.length < 3 || reference.length > 40) {
    return `Sagsnummeret skal være mellem 3 og 40 tegn (det har ${reference.length}), ${REFERENCE_EXAMPLE}.`;
  }
  if (!/[\p{L}\d]/u.test(reference)) return `Sagsnummeret skal indeholde bogstaver eller tal, ${REFERENCE_EXAMPLE}.`;
  return null;
}

const PSEUDONYM_CHARS = /^[\p{L}\d .\-]+$/u;
const PSEUDONYM_EXAMPLE = 'fx "AH" eller "Barn 1"';

export function childPseudonymProblem(pseudonym: string): string | null {
  if (pseudonym.length === 0) return `Skriv barnets initialer eller et pseudonym, ${PSEUDONYM_EXAMPLE}.`;
  if (containsCprLike(pseudonym) || /\d{6,}/.test(pseudonym.replace(/[\s.\-]/g, ''))) {
    return `Skriv ikke CPR-nummer eller fødselsdato her – kun barnets initialer eller et pseudonym, ${PSEUDONYM_EXAMPLE}.`;
  }
  // In any case and with initials too: "METTE JENSEN", "mette jensen", "M. Jensen" (names.ts).
  if (looksLikeFullName(pseudonym)) {
    return `Det ligner et fuldt navn, og navne må ikke gemmes. Skriv kun barnets initialer eller et pseudonym, ${PSEUDONYM_EXAMPLE}.`;
  }
  if (pseudonym.length > 20) return `Pseudonymet må højst være 20 tegn (det har ${pseudonym.length}). Brug initialer, ${PSEUDONYM_EXAMPLE}.`;
  if (!PSEUDONYM_CHARS.test(pseudonym)) {
    return `Pseudonymet må kun indeholde bogstaver, tal, mellemrum, punktum og bindestreg, ${PSEUDONYM_EXAMPLE}.`;
  }
  return null;
}

function checked(problem: (value: string) => string | null) {
  return z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      const message = problem(value);
      if (message) ctx.addIssue({ code: 'custom', message });
    });
}

/** Trims, then refuses with a Danish message saying what to write instead. */
export const CaseReferenceSchema = checked(caseReferenceProblem);
export const ChildPseudonymSchema = checked(childPseudonymProblem);

export type TextResult = { ok: true; value: string } | { ok: false; message: string };

function parseWith(problem: (value: string) => string | null, input: string): TextResult {
  const value = input.trim();
  const message = problem(value);
  return message ? { ok: false, message } : { ok: true, value };
}

export const parseCaseReference = (input: string): TextResult => parseWith(caseReferenceProblem, input);
export const parseChildPseudonym = (input: string): TextResult => parseWith(childPseudonymProblem, input);
