export * from './campaigns/aid-campaign.js';
export * from './hardship-services.js';
export * from './hardship.module.js';
export * from './import/import-legacy.js';
export * from './import/legacy-registry.js';
export * from './poverty-lines/poverty-line-book.js';
export * from './reminders/reminder-sweep.js';
