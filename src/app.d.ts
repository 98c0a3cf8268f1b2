// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Viewer } from '$lib/server/access/viewer';
import type { ParamProblem } from './lib/directory/directory-params';

declare global {
  namespace App {
    interface Locals {
      viewer: Viewer;
      lang: 'en' | 'de';
      /** Unread notifications of the signed-in user, whatever they are about (read with the session). */
      unreadAtMost?: number;
    }
    interface Error {
      message: string;
      /** A /directory URL's unusable parameters (400), named on the error page; see routes/directory/param-error.ts. */
      directoryProblems?: ParamProblem[];
      /** The same directory search without them. */
      cleanHref?: string;
    }
  }
}

export {};
