/** The demo accounts as the start-up banner lists them (no imports: the banner loads early). */
import { DEMO_PASSWORD, demoAccounts } from './demo-data';

export const DEMO_ACCOUNTS = {
  password: DEMO_PASSWORD,
  list: demoAccounts.map(({ email, role }) => ({ email, role })),
};
