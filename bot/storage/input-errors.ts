import type { z } from 'zod';
import { englishOf } from '../said.js';

/**
 * Input storage refuses. The bot's own edges validate first; these are the last line, and
 * carry a Danish message (and its English, for an English Teams) so a refusal that does slip
 * through still tells the person what to do.
 */
export class StorageInputError extends Error {
  readonly code: string;
  /** Danish: what is wrong and what to do. */
  readonly userMessage: string;
  /** The same in English, where it has been written; a reader falls back to the Danish. */
  readonly userMessageEn: string | undefined;
  constructor(code: string, userMessage: string, userMessageEn?: string) {
    super(`${code}: storage refused the input`);
    this.name = 'StorageInputError';
    this.code = code;
    this.userMessage = userMessage;
    this.userMessageEn = userMessageEn;
  }
}

/**
 * A refusal from zod issues whose messages were written with `said`: the Danish lines joined, and
 * the English beside them when every line has one (else the reader gets the Danish whole).
 */
export function storageInputErrorOf(code: string, issues: readonly z.core.$ZodIssue[]): StorageInputError {
  const da = issues.map((i) => i.message);
  const en = da.map((m) => englishOf(m));
  return new StorageInputError(code, da.join(' '), en.every((m) => m !== undefined) ? en.join(' ') : undefined);
}

export class CaseReferenceTakenError extends StorageInputError {
  constructor(reference: string) {
    super(
      'case.reference-taken',
      `Der findes allerede en sag med sagsnummeret ${reference}. Åbn den eksisterende sag, eller tjek at sagsnummeret er skrevet rigtigt.`,
      `There is already a case with the case number ${reference}. Open the existing case, or check that the case number is written correctly.`,
    );
    this.name = 'CaseReferenceTakenError';
  }
}

export class CaseNotFoundError extends StorageInputError {
  constructor() {
    super('case.not-found', 'Sagen findes ikke (længere). Søg den frem igen med sagsnummeret.', 'The case does not exist (any more). Find it again by its case number.');
    this.name = 'CaseNotFoundError';
  }
}

export class CaseClosedError extends StorageInputError {
  constructor() {
    super(
      'case.closed',
      'Sagen er lukket, så der kan ikke træffes nye afgørelser i den. Opret en ny sag, hvis familien skal have en ny indsats.',
      'The case is closed, so no new decisions can be made in it. Create a new case if the family is to have a new measure.',
    );
    this.name = 'CaseClosedError';
  }
}

export class NotInTeamError extends StorageInputError {
  constructor() {
    super(
      'case.not-in-team',
      'Du kan kun oprette sager i et team, du selv er medlem af. Start sagen fra teamets kanal, eller bed en kollega i teamet om at oprette den.',
      "You can only create cases in a team you are a member of yourself. Start the case from the team's channel, or ask a colleague in the team to create it.",
    );
    this.name = 'NotInTeamError';
  }
}
