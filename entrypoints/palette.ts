import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startPalette } from '../lib/palette/mount';

// The quick palette, injected on demand by the background (lib/background/palette.ts).
export default defineUnlistedScript(() => {
  void startPalette();
});
