import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SidePanel } from '../../components/panel/side-panel';
import '../../assets/panel.css';
import { keepBundledCatalogues } from '../../lib/bundled-catalogues';

keepBundledCatalogues();

document.documentElement.lang = navigator.language;
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SidePanel />
  </StrictMode>,
);
