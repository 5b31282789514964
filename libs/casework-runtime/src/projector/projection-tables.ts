import { CaseNumbers, InMemoryCaseNumberCounter } from '#case-numbers';
import { createChineseDaysCalendar } from '#calendar';
import { InMemoryEventStore } from '#event-store';
import type { ProjectionTables } from '#backup';
import { projectorConsumers } from './consumers.js';
import { createHotlineServices } from '#hotline-service';
import { createWageServices } from '#wage-service';
import { createHardshipServices } from '#hardship-service';
import { createMediationServices } from '#mediation-service';

/**
 * The names and tables every projection declares, read from the very list the projector runs
 * (consumers.ts) without connecting to anything: what a backup leaves out (read models) and what it
 * keeps (process managers' state). The pieces given here are never used, only the declarations read.
 */
export function projectionTables(): { readModels: ProjectionTables[]; processManagers: ProjectionTables[] } {
  const calendar = createChineseDaysCalendar();
  const services = { hotline: createHotlineServices(), wage: createWageServices(calendar), hardship: createHardshipServices(calendar), mediation: createMediationServices() };
  const unused = () => {
    throw new Error('projectionTables() lists projections; it applies no event');
  };
  const { readModels, processManagers } = projectorConsumers(new InMemoryEventStore(), services, unused, new CaseNumbers(new InMemoryCaseNumberCounter()));
  const declared = ({ name, tables }: ProjectionTables) => ({ name, tables: [...tables] });
  return { readModels: readModels.map(declared), processManagers: processManagers.map(declared) };
}
