/** Entry point: picks the page by path; the console and Phaser load as separate chunks. */
import './app/zod-without-eval';
import './styles.css';
import { EMAIL_FLOW_ROUTES, routeOf, type EmailFlowRoute } from './app/routes';
import { h } from './ui/dom';

async function start(): Promise<void> {
  const root = document.getElementById('app')!;
  try {
    const route = routeOf(location.pathname);
    if (EMAIL_FLOW_ROUTES.includes(route as EmailFlowRoute)) {
      const { renderEmailFlowPage } = await import('./auth/email-flow-pages');
      return await renderEmailFlowPage(root, route as EmailFlowRoute);
    }
    switch (route) {
      case 'login':
      case 'register': {
        const { renderAuthPage } = await import('./auth/auth-page');
        renderAuthPage(root, routeOf(location.pathname) === 'login' ? 'login' : 'register');
        break;
      }
      case 'community': {
        const { startCommunityPages } = await import('./organisations/page');
        await startCommunityPages(root);
        break;
      }
      case 'budget': {
        const { startBudgetPage } = await import('./budgets/page');
        await startBudgetPage(root);
        break;
      }
      case 'console': {
        const { startConsole } = await import('./console/console');
        await startConsole(root);
        break;
      }
      default: {
        const { startResidentApp } = await import('./app/resident');
        await startResidentApp(root);
      }
    }
  } catch (err) {
    console.error(err);
    root.replaceChildren(
      h(
        'main',
        { id: 'main', class: 'auth-page' },
        h('h1', {}, 'Sorry, GovCraft could not start'),
        h('p', {}, 'Check your connection and reload the page.'),
        h(
          'button',
          { type: 'button', class: 'button', onClick: () => location.reload() },
          'Reload',
        ),
      ),
    );
  }
}

// Loaded after this module has run, so zod is configured before any shared schema parses.
void import('./offline/start').then((offline) => offline.startOffline());
void start();
