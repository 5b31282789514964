import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * A page loaded the first time it is opened (its own script chunk), not with the console's first
 * screen: the case list a caseworker lands on does not wait for the mediation calendar, the exports or
 * the administrators' pages. `name` is the page's export, so pages keep their named exports.
 */
export function lazyPage<Module, Name extends keyof Module>(load: () => Promise<Module>, name: Name): LazyExoticComponent<Module[Name] & ComponentType<any>> {
  return lazy(async () => ({ default: (await load())[name] as Module[Name] & ComponentType<any> }));
}
