/**
 * The evaluation suite's config (tools/evaluation/suite.json): which datasets to evaluate, where their files are
 * (relative to the repository root) and where to split them. Validated with a message naming the bad entry.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

const Entry = z
  .object({
    name: z.string().min(1),
    description: z.string().default(''),
    organizations: z.string().optional(),
    partnerships: z.string().optional(),
    generate: z.object({ orgs: z.number().int().min(10), seed: z.number().int() }).optional(),
    split: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2024-01-01'),
    sample: z.number().int().min(1).optional()
  })
  .refine((e) => e.generate || (e.organizations && e.partnerships), {
    message: 'needs either organizations + partnerships paths or generate'
  });
export type SuiteEntry = z.output<typeof Entry>;

const Suite = z.object({ datasets: z.array(Entry).min(1) });

export function readSuite(path: string, root: string): SuiteEntry[] {
  const parsed = Suite.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`${path}: ${problems}`);
  }
  return parsed.data.datasets.map((entry) => {
    const paths = {
      organizations: entry.organizations && resolve(root, entry.organizations),
      partnerships: entry.partnerships && resolve(root, entry.partnerships)
    };
    for (const [field, file] of Object.entries(paths)) {
      if (file && !existsSync(file)) throw new Error(`${path}: datasets "${entry.name}".${field}: no file at ${file}`);
    }
    return { ...entry, ...paths };
  });
}
