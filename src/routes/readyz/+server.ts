import { json } from '@sveltejs/kit';
import { checkReadiness } from '$lib/server/readiness';

export const GET = async () => {
  const readiness = await checkReadiness();
  const missing = Object.entries(readiness.checks)
    .filter(([, c]) => !c.ok)
    .map(([name, c]) => `${name}: ${c.reason ?? 'not ok'}`);
  return json(
    { status: readiness.ready ? 'ready' : 'not ready', missing, checks: readiness.checks },
    { status: readiness.ready ? 200 : 503, headers: { 'cache-control': 'no-store' } }
  );
};
