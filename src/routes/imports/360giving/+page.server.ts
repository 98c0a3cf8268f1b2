import { createHash } from 'node:crypto';
import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/i18n/generated/messages.js';
import { importGiving360, type GivingImportReport } from '$lib/server/giving360/import-package';
import type { Viewer } from '$lib/server/access/viewer';
import type { Actions, PageServerLoad } from './$types';

/**
 * /imports/360giving: a funder analyst or an admin uploads a 360Giving file. "Check" runs the import as a dry run
 * (everything, then rolled back) and shows the report; "Import" is offered only for a file that passed, and
 * names it by its SHA-256, so what is written is the very file that was checked (re-validated, all or nothing).
 */
const MAX_BYTES = 50 * 1024 * 1024;

function mayImport(viewer: Viewer): boolean {
  return viewer.kind === 'user' && (viewer.role === 'ADMIN' || viewer.role === 'FUNDER_ANALYST');
}

export const load: PageServerLoad = async ({ locals, setHeaders }) => {
  if (locals.viewer.kind !== 'user') redirect(303, '/login?next=/imports/360giving');
  if (!mayImport(locals.viewer)) error(403, m.g360_forbidden());
  setHeaders({ 'cache-control': 'private, no-store' });
  return {};
};

type Uploaded = { file: File; bytes: Uint8Array; digest: string } | { message: string };

function uploaded(form: FormData): Promise<Uploaded> | Uploaded {
  const file = form.get('file');
  if (!(file instanceof File) || file.size === 0) return { message: m.g360_error_no_file() };
  if (file.size > MAX_BYTES) return { message: m.g360_error_too_large({ mb: MAX_BYTES / 1024 / 1024 }) };
  return file.arrayBuffer().then((buffer) => {
    const bytes = new Uint8Array(buffer);
    return { file, bytes, digest: createHash('sha256').update(bytes).digest('hex') };
  });
}

/** What the page shows: the report, the file's name and digest (for the confirm step). */
function result(report: GivingImportReport, fileName: string, digest: string) {
  return { report, fileName, digest };
}

async function run(locals: App.Locals, request: Request, apply: boolean) {
  if (!mayImport(locals.viewer)) return fail(403, { message: m.g360_forbidden() });
  const form = await request.formData();
  const upload = await uploaded(form);
  if ('message' in upload) return fail(400, { message: upload.message });
  if (apply && form.get('checked') !== upload.digest) return fail(400, { message: m.g360_error_not_checked() });
  const report = await importGiving360({ bytes: upload.bytes }, { fileName: upload.file.name, dryRun: !apply });
  return result(report, upload.file.name, upload.digest);
}

export const actions: Actions = {
  check: async ({ locals, request }) => run(locals, request, false),
  apply: async ({ locals, request }) => run(locals, request, true)
};
