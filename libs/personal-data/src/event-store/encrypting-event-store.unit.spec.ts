import { randomUUID } from 'node:crypto';
import { InMemoryEventStore, canAppendToStreams, type EventStore, type NewEvent } from '#event-store';
import { eventStoreContract } from '../../../event-store/src/testing/index.js';
import { MasterKey } from '../cipher/master-key.js';
import { InMemoryKeyStore } from '../key-store/in-memory-key-store.js';
import { PersonalDataRegistry } from '../personal-data-registry.js';
import { PersonalDataProtection } from '../personal-data-protection.js';

const REGISTRY = new PersonalDataRegistry().register({
  ComplaintReceived: ['caller.name', 'caller.phone', 'caller.idNumber'],
  WagesClaimed: ['claimants.*.phone', 'claimants.*.idNumber'],
});

function protection(keyStore = new InMemoryKeyStore(), registry = REGISTRY) {
  return new PersonalDataProtection({ keyStore, masterKey: MasterKey.generate(), registry });
}

// The decorator keeps every promise of the port: the shared contract, with the fixtures' `caller` (a name) encrypted.
eventStoreContract('Encrypting (over in-memory)', async (options) => {
  const inner = new InMemoryEventStore();
  const registry = new PersonalDataRegistry().register({ ComplaintReceived: ['caller'] });
  return { store: protection(new InMemoryKeyStore(), registry).protect(inner, options), dispose: () => inner.close() };
}, { multiStreamAppends: true, multiStreamReads: true });

const received = (caller: Record<string, unknown>, eventId = randomUUID()): NewEvent => ({
  eventId,
  type: 'ComplaintReceived',
  schemaVersion: 1,
  data: { caller: { anonymous: false, ...caller }, summary: '拖欠工资' },
  metadata: { actor: { userId: 'u1', role: 'caseworker', orgUnitId: '410105' }, occurredAt: '2026-03-02T01:00:00.000Z', commandId: 'c', correlationId: 'c', causationId: 'c' },
});

describe('EncryptingEventStore', () => {
  const caller = { name: '王建国', phone: '13812345678', idNumber: '410105199001011234' };

  it('stores the registered fields encrypted and reads them back in clear', async () => {
    const inner = new InMemoryEventStore();
    const store = protection().protect(inner);
    await store.appendToStream('hotline-complaint-1', [received(caller)], 'no_stream');

    const [stored] = await inner.readStream('hotline-complaint-1');
    expect(JSON.stringify(stored.data)).not.toMatch(/13812345678|410105199001011234|王建国/);
    expect(stored.data).toMatchObject({ caller: { anonymous: false, phone: { $enc: expect.any(Object) } }, summary: '拖欠工资' });
    expect((await store.readStream('hotline-complaint-1'))[0].data).toEqual({ caller: { anonymous: false, ...caller }, summary: '拖欠工资' });
    expect((await store.readAll())[0].data).toEqual({ caller: { anonymous: false, ...caller }, summary: '拖欠工资' });
  });

  it('encrypts every part of a write to several streams, and offers that write only over a store that has it', async () => {
    const inner = new InMemoryEventStore();
    const store = protection().protect(inner);
    await store.appendToStreams!([
      { streamId: 'hotline-complaint-1', events: [received(caller)], expected: 'no_stream' },
      { streamId: 'hotline-complaint-2', events: [received({ phone: '13700000000' })], expected: 'no_stream' },
    ]);

    const stored = [...(await inner.readStream('hotline-complaint-1')), ...(await inner.readStream('hotline-complaint-2'))];
    expect(JSON.stringify(stored.map((event) => event.data))).not.toMatch(/13812345678|13700000000|410105199001011234|王建国/);
    expect((await store.readStream('hotline-complaint-2'))[0].data).toEqual({ caller: { anonymous: false, phone: '13700000000' }, summary: '拖欠工资' });

    const withoutIt: EventStore = Object.create(inner, { appendToStreams: { value: undefined } });
    expect(canAppendToStreams(protection().protect(withoutIt))).toBe(false);
  });

  it('finds the keys of every person of a write to several streams in one key-store call, one person once', async () => {
    const keyStore = new InMemoryKeyStore();
    const calls: number[] = [];
    const subjectsFor = keyStore.subjectsFor.bind(keyStore);
    keyStore.subjectsFor = async (requests) => {
      calls.push(requests.length);
      return subjectsFor(requests);
    };
    const inner = new InMemoryEventStore();
    const store = protection(keyStore).protect(inner);
    await store.appendToStreams!(['1', '2', '3'].map((n) => ({ streamId: `hotline-complaint-${n}`, events: [received(n === '3' ? { phone: '13700000000' } : caller)], expected: 'no_stream' as const })));

    expect(calls).toEqual([3]);
    const subjects = await Promise.all(['1', '2', '3'].map(async (n) => ((await inner.readStream(`hotline-complaint-${n}`))[0].data as { caller: { phone: { $enc: { subject: string } } } }).caller.phone.$enc.subject));
    expect(subjects[0]).toBe(subjects[1]);
    expect(subjects[2]).not.toBe(subjects[0]);
    expect((await store.readStream('hotline-complaint-2'))[0].data).toEqual({ caller: { anonymous: false, ...caller }, summary: '拖欠工资' });
  });

  it('gives one person one key across cases: by ID number, else by phone', async () => {
    const inner = new InMemoryEventStore();
    const store = protection().protect(inner);
    await store.appendToStream('hotline-complaint-1', [received(caller)], 'no_stream');
    await store.appendToStream('hotline-complaint-2', [received({ ...caller, phone: '13900000000' })], 'no_stream');
    await store.appendToStream('hotline-complaint-3', [received({ phone: '13700000000' })], 'no_stream');
    await store.appendToStream('hotline-complaint-4', [received({ phone: '13700000000' })], 'no_stream');

    const subjectOf = async (stream: string) => ((await inner.readStream(stream))[0].data as any).caller.phone.$enc.subject;
    expect(await subjectOf('hotline-complaint-2')).toBe(await subjectOf('hotline-complaint-1'));
    expect(await subjectOf('hotline-complaint-4')).toBe(await subjectOf('hotline-complaint-3'));
    expect(await subjectOf('hotline-complaint-3')).not.toBe(await subjectOf('hotline-complaint-1'));
  });

  it('gives each person of an array their own subject', async () => {
    const inner = new InMemoryEventStore();
    const store = protection().protect(inner);
    const claim = { ...received({}), type: 'WagesClaimed', data: { claimants: [{ phone: '13811111111' }, { phone: '13822222222' }] } };
    await store.appendToStream('wage-case-1', [claim], 'no_stream');

    const stored = (await inner.readStream('wage-case-1'))[0].data as any;
    expect(stored.claimants[0].phone.$enc.subject).not.toBe(stored.claimants[1].phone.$enc.subject);
    expect((await store.readStream('wage-case-1'))[0].data).toEqual(claim.data);
  });

  it('after an erasure reads the person\'s fields as null, lists them as shredded, and leaves others readable', async () => {
    const inner = new InMemoryEventStore();
    const protect = protection();
    const store = protect.protect(inner);
    await store.appendToStream('hotline-complaint-1', [received(caller)], 'no_stream');
    await store.appendToStream('hotline-complaint-2', [received({ name: '李四', phone: '13900000000' })], 'no_stream');

    const erased = await protect.erase({ idNumber: '410105199001011234' });

    expect(erased).toEqual({ erasedSubjects: 1, streamIds: ['hotline-complaint-1'] });
    expect((await store.readStream('hotline-complaint-1'))[0].data).toEqual({
      caller: { anonymous: false, name: null, phone: null, idNumber: null, shredded: true },
      summary: '拖欠工资',
      shredded: ['caller.idNumber', 'caller.name', 'caller.phone'],
    });
    expect((await store.readStream('hotline-complaint-2'))[0].data).toMatchObject({ caller: { name: '李四', phone: '13900000000' } });
  });

  it('finds a person to erase by a phone they gave beside their ID number', async () => {
    const protect = protection();
    const store = protect.protect(new InMemoryEventStore());
    await store.appendToStream('hotline-complaint-1', [received(caller)], 'no_stream');

    expect((await protect.erase({ phone: '+86 138-1234-5678' })).erasedSubjects).toBe(1);
    expect((await store.readStream('hotline-complaint-1'))[0].data).toMatchObject({ caller: { phone: null, shredded: true } });
  });

  it('shreds in subscriptions too', async () => {
    const protect = protection();
    const store = protect.protect(new InMemoryEventStore());
    await store.appendToStream('hotline-complaint-1', [received(caller)], 'no_stream');
    await protect.erase({ phone: '13812345678' });

    const delivered = await new Promise<any[]>((resolve) => {
      const subscription = store.subscribeToAll(async (events) => {
        resolve([...events]);
        void subscription.stop();
      });
    });
    expect(delivered[0].data.caller).toEqual({ anonymous: false, name: null, phone: null, idNumber: null, shredded: true });
  });

  it('writes an idempotent retry once, although its ciphertexts differ', async () => {
    const inner = new InMemoryEventStore();
    const store = protection().protect(inner);
    const event = received(caller);
    const first = await store.appendToStream('hotline-complaint-1', [event], 'no_stream');
    const retry = await store.appendToStream('hotline-complaint-1', [event], 'no_stream');

    expect(retry).toEqual(first);
    expect(await inner.readStream('hotline-complaint-1')).toHaveLength(1);
  });

  it('refuses to read a key the key store never had, rather than showing the data as erased', async () => {
    const inner = new InMemoryEventStore();
    await protection().protect(inner).appendToStream('hotline-complaint-1', [received(caller)], 'no_stream');

    await expect(protection(new InMemoryKeyStore()).protect(inner).readAll()).rejects.toThrow(/no data key and no erasure/);
  });

  it('refuses a ciphertext altered in storage, naming the event and field only', async () => {
    const inner = new InMemoryEventStore();
    const keyStore = new InMemoryKeyStore();
    const protect = protection(keyStore);
    await protect.protect(inner).appendToStream('hotline-complaint-1', [received(caller)], 'no_stream');
    const [stored] = await inner.readStream('hotline-complaint-1');
    const swapped = { ...stored, data: { ...(stored.data as any), caller: { ...(stored.data as any).caller, name: (stored.data as any).caller.phone } } };
    const tampered = { ...inner, readStream: async () => [swapped] } as unknown as InMemoryEventStore;

    await expect(protect.protect(tampered).readStream('hotline-complaint-1')).rejects.toThrow(/at caller\.name does not decrypt/);
  });
});
