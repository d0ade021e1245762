import { z } from 'zod';
import { containsCprLike } from '../privacy/cpr.js';
import { looksLikeFullName } from '../privacy/names.js';
import { englishOf, said } from '../said.js';

/**
 * A case is known by the municipality's own case reference and a pseudonym for the child,
 * never by a CPR number or a name. Both are checked here, where the user's text first
 * becomes a case, and again by storage before anything is written.
 */

const REFERENCE_CHARS = /^[\p{L}\d.\-/]+$/u;
const REFERENCE_EXAMPLE = 'fx "27.12.08-G01-123-25" eller "SAG-2025-0042"';
const REFERENCE_EXAMPLE_EN = 'e.g. "27.12.08-G01-123-25" or "SAG-2025-0042"';

/** What is wrong with a case reference, in Danish (its English registered with `said`); null when it is fine. */
export function caseReferenceProblem(reference: string): string | null {
  if (reference.length === 0) return said(`Skriv kommunens sagsnummer, ${REFERENCE_EXAMPLE}.`, `Write the municipality's case number, ${REFERENCE_EXAMPLE_EN}.`);
  // Dots and slashes removed too, so "01.02.03-1234" is caught as well as "010203-1234".
  if (containsCprLike(reference) || containsCprLike(reference.replace(/[./]/g, ''))) {
    return said(
      `Sagsnummeret ligner et CPR-nummer, og CPR-numre må ikke gemmes. Skriv kommunens sagsnummer i stedet, ${REFERENCE_EXAMPLE}.`,
      `The case number looks like a CPR number, and CPR numbers must not be stored. Write the municipality's case number instead, ${REFERENCE_EXAMPLE_EN}.`,
    );
  }
  if (/\s/.test(reference)) {
    return said(`Sagsnummeret må ikke indeholde mellemrum. Skriv det som i sagssystemet, ${REFERENCE_EXAMPLE}.`, `The case number must not contain spaces. Write it as in the case system, ${REFERENCE_EXAMPLE_EN}.`);
  }
  if (!REFERENCE_CHARS.test(reference)) {
    return said(
      `Sagsnummeret må kun indeholde bogstaver, tal, punktum (.), bindestreg (-) og skråstreg (/), ${REFERENCE_EXAMPLE}.`,
      `The case number may only contain letters, digits, full stops (.), hyphens (-) and slashes (/), ${REFERENCE_EXAMPLE_EN}.`,
    );
  }
  if (reference.length < 3 || reference.length > 40) {
    return said(
      `Sagsnummeret skal være mellem 3 og 40 tegn (det har ${reference.length}), ${REFERENCE_EXAMPLE}.`,
      `The case number must be between 3 and 40 characters (it has ${reference.length}), ${REFERENCE_EXAMPLE_EN}.`,
    );
  }
  if (!/[\p{L}\d]/u.test(reference)) return said(`Sagsnummeret skal indeholde bogstaver eller tal, ${REFERENCE_EXAMPLE}.`, `The case number must contain letters or digits, ${REFERENCE_EXAMPLE_EN}.`);
  return null;
}

const PSEUDONYM_CHARS = /^[\p{L}\d .\-]+$/u;
const PSEUDONYM_EXAMPLE = 'fx "AH" eller "Barn 1"';
const PSEUDONYM_EXAMPLE_EN = 'e.g. "AH" or "Child 1"';

/** What is wrong with a child's pseudonym, in Danish (its English registered with `said`); null when it is fine. */
export function childPseudonymProblem(pseudonym: string): string | null {
  if (pseudonym.length === 0) return said(`Skriv barnets initialer eller et pseudonym, ${PSEUDONYM_EXAMPLE}.`, `Write the child's initials or a pseudonym, ${PSEUDONYM_EXAMPLE_EN}.`);
  if (containsCprLike(pseudonym) || /\d{6,}/.test(pseudonym.replace(/[\s.\-]/g, ''))) {
    return said(
      `Skriv ikke CPR-nummer eller fødselsdato her – kun barnets initialer eller et pseudonym, ${PSEUDONYM_EXAMPLE}.`,
      `Do not write a CPR number or a date of birth here – only the child's initials or a pseudonym, ${PSEUDONYM_EXAMPLE_EN}.`,
    );
  }
  // In any case and with initials too: "METTE JENSEN", "mette jensen", "M. Jensen" (names.ts).
  if (looksLikeFullName(pseudonym)) {
    return said(
      `Det ligner et fuldt navn, og navne må ikke gemmes. Skriv kun barnets initialer eller et pseudonym, ${PSEUDONYM_EXAMPLE}.`,
      `That looks like a full name, and names must not be stored. Write only the child's initials or a pseudonym, ${PSEUDONYM_EXAMPLE_EN}.`,
    );
  }
  if (pseudonym.length > 20) {
    return said(
      `Pseudonymet må højst være 20 tegn (det har ${pseudonym.length}). Brug initialer, ${PSEUDONYM_EXAMPLE}.`,
      `The pseudonym may be at most 20 characters (it has ${pseudonym.length}). Use initials, ${PSEUDONYM_EXAMPLE_EN}.`,
    );
  }
  if (!PSEUDONYM_CHARS.test(pseudonym)) {
    return said(
      `Pseudonymet må kun indeholde bogstaver, tal, mellemrum, punktum og bindestreg, ${PSEUDONYM_EXAMPLE}.`,
      `The pseudonym may only contain letters, digits, spaces, full stops and hyphens, ${PSEUDONYM_EXAMPLE_EN}.`,
    );
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

/** `message` is Danish, `en` its English. */
export type TextResult = { ok: true; value: string } | { ok: false; message: string; en?: string };

function parseWith(problem: (value: string) => string | null, input: string): TextResult {
  const value = input.trim();
  const message = problem(value);
  if (!message) return { ok: true, value };
  const en = englishOf(message);
  return en === undefined ? { ok: false, message } : { ok: false, message, en };
}

export const parseCaseReference = (input: string): TextResult => parseWith(caseReferenceProblem, input);
export const parseChildPseudonym = (input: string): TextResult => parseWith(childPseudonymProblem, input);
