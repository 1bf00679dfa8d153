import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { WelcomePage } from '../../components/welcome/welcome-page';
import { t } from '../../lib/i18n';
import '../../assets/options.css';
import { keepBundledCatalogues } from '../../lib/bundled-catalogues';

keepBundledCatalogues();

document.documentElement.lang = t('uiLocale');
document.title = t('welcomeTitle');
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <WelcomePage />
  </StrictMode>,
);
