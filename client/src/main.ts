/** Entry point: picks the page by path; the console and Phaser load as separate chunks. */
import './app/zod-without-eval';
import './styles.css';
import { routeOf } from './app/routes';
import { h } from './ui/dom';

async function start(): Promise<void> {
  const root = document.getElementById('app')!;
  try {
    switch (routeOf(location.pathname)) {
      case 'login':
      case 'register': {
        const { renderAuthPage } = await import('./auth/auth-page');
        renderAuthPage(root, routeOf(location.pathname) === 'login' ? 'login' : 'register');
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

void start();
