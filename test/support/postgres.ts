// The PostgreSQL server the test suites use, and whether it answers: suites that need one skip, saying why, when
// it does not (a user's fresh machine has none; CI installs and starts one).
import pg from 'pg';

/** DATELINE_TEST_PG, or the local server with trust authentication. */
export const TEST_PG_URL = process.env.DATELINE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** null when the server answers a query, else the reason it does not. */
export async function postgresDown(url = TEST_PG_URL): Promise<string | null> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return null;
  } catch (e) {
    return (e as Error).message || String(e);
  } finally {
    await c.end().catch(() => {});
  }
}
