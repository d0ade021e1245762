/**
 * Input storage refuses. The bot's own edges validate first; these are the last line, and
 * carry a Danish message so a refusal that does slip through still tells the person what to do.
 */
export class StorageInputError extends Error {
  readonly code: string;
  /** Danish: what is wrong and what to do. */
  readonly userMessage: string;
  constructor(code: string, userMessage: string) {
    super(`${code}: storage refused the input`);
    this.name = 'StorageInputError';
    this.code = code;
    this.userMessage = userMessage;
  }
}

export class CaseReferenceTakenError extends StorageInputError {
  constructor(reference: string) {
    super(
      'case.reference-taken',
      `Der findes allerede en sag med sagsnummeret ${reference}. Åbn den eksisterende sag, eller tjek at sagsnummeret er skrevet rigtigt.`,
    );
    this.name = 'CaseReferenceTakenError';
  }
}

export class CaseNotFoundError extends StorageInputError {
  constructor() {
    super('case.not-found', 'Sagen findes ikke (længere). Søg den frem igen med sagsnummeret.');
    this.name = 'CaseNotFoundError';
  }
}

export class CaseClosedError extends StorageInputError {
  constructor() {
    super('case.closed', 'Sagen er lukket, så der kan ikke træffes nye afgørelser i den. Opret en ny sag, hvis familien skal have en ny indsats.');
    this.name = 'CaseClosedError';
  }
}

export class NotInTeamError extends StorageInputError {
  constructor() {
    super('case.not-in-team', 'Du kan kun oprette sager i et team, du selv er medlem af. Start sagen fra teamets kanal, eller bed en kollega i teamet om at oprette den.');
    this.name = 'NotInTeamError';
  }
}
