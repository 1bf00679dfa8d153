import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../lib/background/start';
import { keepBundledCatalogues } from '../lib/bundled-catalogues';

export default defineBackground({
  type: 'module',
  main() {
    keepBundledCatalogues();
    startBackground();
  },
});
