// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Viewer } from '$lib/server/auth/viewer';

declare global {
  namespace App {
    interface Locals {
      viewer: Viewer;
      lang: 'en' | 'de';
    }
  }
}

export {};
