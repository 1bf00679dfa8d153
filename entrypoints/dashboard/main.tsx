import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { DashboardApp } from '../../components/dashboard/dashboard-app';
import { browserDashboardEnv } from '../../lib/dashboard/dashboard-env';
import { t } from '../../lib/i18n';
import '../../assets/dashboard.css';
import { keepBundledCatalogues } from '../../lib/bundled-catalogues';

keepBundledCatalogues();

// The page speaks the browser's language; the HTML shell is written before i18n can run.
document.documentElement.lang = browser.i18n.getUILanguage();
document.title = t('dashPageTitle');
createRoot(document.getElementById('root')!).render(<DashboardApp env={browserDashboardEnv()} />);
