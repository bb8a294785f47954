import { canUseModule, type TModule, type TRole } from '@pcmd/contracts';
import type { MessageKey } from './messages';

interface ModuleEntry {
  module: TModule;
  path: string;
  label: MessageKey;
  description: MessageKey;
}

/**
 * The modules this web app has screens for, in menu order. Contracts may list modules whose screens do not exist yet;
 * they join the menu when their pages are added here and in the router.
 */
const WEB_MODULES: readonly ModuleEntry[] = [
  { module: 'units', path: '/units', label: 'nav.units', description: 'home.module.units' },
  { module: 'plans', path: '/plans', label: 'nav.plans', description: 'home.module.plans' },
  { module: 'tasks', path: '/tasks', label: 'nav.tasks', description: 'home.module.tasks' },
  { module: 'data_entry', path: '/data-entry', label: 'nav.dataEntry', description: 'home.module.dataEntry' },
  { module: 'establishments', path: '/establishments', label: 'nav.establishments', description: 'home.module.establishments' },
  { module: 'tips', path: '/tips', label: 'nav.tips', description: 'home.module.tips' },
  { module: 'outreach', path: '/outreach', label: 'nav.outreach', description: 'home.module.outreach' },
  { module: 'training', path: '/training', label: 'nav.training', description: 'home.module.training' },
  { module: 'reports', path: '/reports', label: 'nav.reports', description: 'home.module.reports' },
  { module: 'users', path: '/users', label: 'nav.users', description: 'home.module.users' },
  { module: 'audit', path: '/audit', label: 'nav.audit', description: 'home.module.audit' },
];

/** The modules a role may use (MODULE_ROLES, the same table the server enforces). */
export function modulesFor(role: TRole): readonly ModuleEntry[] {
  return WEB_MODULES.filter((m) => canUseModule(role, m.module));
}
