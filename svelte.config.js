import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ out: 'build' }),
    typescript: {
      config: (tsconfig) => {
        tsconfig.include.push('../schema/**/*.ts', '../tests/**/*.ts', '../prisma/**/*.ts', '../graph/**/*.ts');
        return tsconfig;
      }
    }
  }
};

export default config;
