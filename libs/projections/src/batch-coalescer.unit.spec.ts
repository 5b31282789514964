import { BatchCoalescer } from './batch-coalescer.js';

/** An apply that records what each call got and finishes only when told to. */
function heldApply() {
  const calls: number[][] = [];
  const finishers: ((error?: Error) => void)[] = [];
  const apply = (items: readonly number[]) =>
    new Promise<void>((resolve, reject) => {
      calls.push([...items]);
      finishers.push((error) => (error ? reject(error) : resolve()));
    });
  const finishNext = async (error?: Error) => {
    finishers.shift()!(error);
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { calls, apply, finishNext };
}

describe('BatchCoalescer', () => {
  it('starts the first batch at once and takes the batches that came meanwhile together in the next call', async () => {
    const { calls, apply, finishNext } = heldApply();
    const coalescer = new BatchCoalescer(apply);
    const settled: string[] = [];

    const first = coalescer.submit([1, 2]).then(() => settled.push('first'));
    const second = coalescer.submit([3]).then(() => settled.push('second'));
    const third = coalescer.submit([4, 5]).then(() => settled.push('third'));
    expect(calls).toEqual([[1, 2]]);

    await finishNext();
    expect(settled).toEqual(['first']);
    expect(calls).toEqual([[1, 2], [3, 4, 5]]);

    await finishNext();
    await Promise.all([first, second, third]);
    expect(settled).toEqual(['first', 'second', 'third']);
  });

  it('fails every batch of a failed call, and goes on with the next ones', async () => {
    const { calls, apply, finishNext } = heldApply();
    const coalescer = new BatchCoalescer(apply);

    const first = coalescer.submit([1]);
    const second = coalescer.submit([2]);
    const third = coalescer.submit([3]);
    await finishNext();
    await first;
    await finishNext(new Error('the transaction failed'));
    await expect(second).rejects.toThrow('the transaction failed');
    await expect(third).rejects.toThrow('the transaction failed');

    const fourth = coalescer.submit([4]);
    expect(calls.at(-1)).toEqual([4]);
    await finishNext();
    await expect(fourth).resolves.toBeUndefined();
  });
});
