// Runs once before all test files. Later work adds the shared PGlite data folder here,
// so each test file opens an already-initialised database instead of paying the first start.
export default async function setup(): Promise<void> {}
