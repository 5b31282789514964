export default async function globalTeardown() {
  const server = globalThis.__CASEWORK_TEST_PG__;
  if (server) await server.stop();
}
