export * from './hardship.values.js';
export * from './hardship.commands.js';
export * from './hardship.events.js';
export * from './hardship.state.js';
export * from './hardship.rules.js';
export * from './hardship.decide.js';
export * from './personal-data.js';
export * from './aid-campaign.js';
