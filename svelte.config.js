import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ out: 'build' }),
    // Content-Security-Policy for every page (docs/decisions/0008): SvelteKit adds a per-response nonce to
    // script-src for its own inline scripts. Styles allow inline (Svelte transitions and style attributes set
    // them; style injection cannot run code). Images may come from https (organisation logos are external).
    // GraphiQL at /graphql and non-HTML answers get their own policies (src/lib/server/security).
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:', 'https:'],
        'font-src': ['self', 'data:'],
        'connect-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
        'frame-ancestors': ['none']
      }
    },
    typescript: {
      config: (tsconfig) => {
        tsconfig.include.push(
          '../schema/**/*.ts',
          '../tests/**/*.ts',
          '../tools/**/*.ts',
          '../prisma/**/*.ts',
          '../graph/**/*.ts'
        );
        return tsconfig;
      }
    }
  }
};

export default config;
