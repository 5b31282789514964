import { jest } from '@jest/globals';
import { logLevel } from 'kafkajs';
import { kafkaLogLine } from './kafka-log.js';

describe('kafkajs log lines', () => {
  let printed: string[];
  beforeEach(() => {
    printed = [];
    for (const method of ['error', 'warn', 'info'] as const) jest.spyOn(console, method).mockImplementation((line: string) => { printed.push(`${method} ${line}`); });
  });
  afterEach(() => jest.restoreAllMocks());

  const entry = (level: logLevel, namespace: string, message: string, extra: Record<string, unknown> = {}) =>
    ({ namespace, level, label: logLevel[level], log: { timestamp: '2026-01-01T00:00:00.000Z', message, ...extra } });

  it('keeps where something happened and drops message keys, values and anything else', () => {
    kafkaLogLine(logLevel.ERROR)(entry(logLevel.ERROR, 'Runner', 'Error when calling eachBatch', {
      topic: 'hotline', partition: 2, offset: '17', error: new Error('projection table is gone'),
      key: '110101199001011234', value: '{"name":"张三"}', messages: [{ value: '{"phone":"13800000000"}' }], stack: 'at secret',
    }));
    expect(printed).toEqual(['error kafkajs Runner: Error when calling eachBatch {"topic":"hotline","partition":2,"offset":"17","error":"projection table is gone"}']);
  });

  it('counts an error answer kafkajs retries as a warning, below the default level', () => {
    const answer = entry(logLevel.ERROR, 'Connection', 'Response JoinGroup(key: 11, version: 5)', { error: 'The coordinator is loading' });
    kafkaLogLine(logLevel.ERROR)(answer);
    expect(printed).toEqual([]);
    kafkaLogLine(logLevel.WARN)(answer);
    expect(printed).toEqual(['warn kafkajs Connection: Response JoinGroup(key: 11, version: 5) {"error":"The coordinator is loading"}']);
  });
});
