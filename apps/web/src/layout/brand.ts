import type { Role } from '../api-types';
import type { MessageKey } from '../i18n/zh';

/**
 * The product name in the header, by who is working: a mediator works in a court–union room, not on
 * the 12351 hotline; caseworkers take the hotline's orders; supervisors oversee all of the union's
 * casework; administrators keep the system.
 */
export function brandOf(role: Role): { title: MessageKey; subtitle: MessageKey } {
  switch (role) {
    case 'mediator':
      return { title: 'brand.mediation.title', subtitle: 'brand.mediation.subtitle' };
    case 'caseworker':
      return { title: 'app.title', subtitle: 'app.subtitle' };
    case 'supervisor':
      return { title: 'app.title', subtitle: 'brand.workbench.subtitle' };
    case 'admin':
      return { title: 'app.title', subtitle: 'app.subtitleAdmin' };
  }
}
