import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OptionsPage } from '../../components/options/options-page';
import '../../assets/options.css';
import { keepBundledCatalogues } from '../../lib/bundled-catalogues';

keepBundledCatalogues();

document.documentElement.lang = navigator.language;
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <OptionsPage />
  </StrictMode>,
);
