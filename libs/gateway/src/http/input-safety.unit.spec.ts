import { jsonDepthExceeds, MAX_JSON_DEPTH, unsafeInput } from './input-safety.js';

describe('input every request is checked for', () => {
  it('names the field that holds a NUL or another control character', () => {
    expect(unsafeInput({ summary: 'a\u0000b' })).toMatchObject({ field: 'summary', rule: 'control_character' });
    expect(unsafeInput({ applicants: [{ name: 'ok' }, { name: 'x\u001by' }] })).toMatchObject({ field: 'applicants.1.name', rule: 'control_character' });
    expect(unsafeInput('\u007f', 'status')).toMatchObject({ field: 'status' });
  });

  it('lets line breaks and tabs through: long texts have lines', () => {
    expect(unsafeInput({ minutes: '第一行\n第二行\t备注\r\n' })).toBeNull();
  });

  it('refuses keys that reach a prototype, at any depth', () => {
    expect(unsafeInput(JSON.parse('{"a":{"__proto__":{"x":1}}}'))).toMatchObject({ field: 'a.__proto__', rule: 'forbidden_key' });
    expect(unsafeInput({ constructor: 'x' })).toMatchObject({ field: 'constructor', rule: 'forbidden_key' });
    for (const key of ['toString', 'hasOwnProperty', 'valueOf', 'prototype']) expect(unsafeInput({ [key]: 1 })).toMatchObject({ field: key, rule: 'forbidden_key' });
    expect(unsafeInput({ toStringTag: 1, name: 'constructor' })).toBeNull();
  });

  it('refuses nesting deeper than the API ever uses', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < MAX_JSON_DEPTH + 1; i++) deep = { a: deep };
    expect(unsafeInput(deep)).toMatchObject({ rule: 'depth' });
  });

  it('counts the depth of a JSON text without parsing it, ignoring brackets inside strings', () => {
    expect(jsonDepthExceeds(Buffer.from('['.repeat(10_000) + ']'.repeat(10_000)), 16)).toBe(true);
    expect(jsonDepthExceeds(Buffer.from(JSON.stringify({ a: [{ b: '[[[[[[[[[[[[[[[[[[[[' }] })), 16)).toBe(false);
    expect(jsonDepthExceeds(Buffer.from('{"a":"\\"[[[[[[[[[[[[[[[[[[[[["}'), 4)).toBe(false);
  });
});
