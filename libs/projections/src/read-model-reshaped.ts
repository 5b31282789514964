/**
 * Refused because the live tables are of another schema version than this code writes: a process of
 * the other version swapped them in (or has yet to). No event is to blame, so it is never parked
 * (`isTransient`): the batch waits and is tried again, and this process writes nothing into tables
 * of a shape it does not know.
 */
export class ReadModelReshapedError extends Error {
  override readonly name = 'ReadModelReshaped';

  constructor(projection: string, tables: number, code: number) {
    super(`The tables of ${projection} are of schema version ${tables}; this code writes version ${code}`);
  }
}
