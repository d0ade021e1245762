/** Storage stamps times from the application's clock, so tests can set the date they need. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
