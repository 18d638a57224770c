import { DataOrder } from './data-order';

describe('DataOrder', () => {
  it('visits every sample once per epoch', () => {
    const order = new DataOrder(10, 3);
    const epoch = [0, 1, 2, 3, 4].flatMap((step) => order.batch(step, 2));
    expect([...epoch].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('gives the same batch for a step whatever came before (resume needs only the step)', () => {
    const straight = new DataOrder(7, 11);
    const batches = [0, 1, 2, 3, 4, 5].map((step) => straight.batch(step, 3));
    const resumed = new DataOrder(7, 11);
    expect(resumed.batch(5, 3)).toEqual(batches[5]);
    expect(resumed.batch(2, 3)).toEqual(batches[2]);
  });

  it('differs across seeds and epochs', () => {
    const a = new DataOrder(20, 1);
    const b = new DataOrder(20, 2);
    expect(a.batch(0, 20)).not.toEqual(b.batch(0, 20));
    expect(a.batch(0, 20)).not.toEqual(a.batch(1, 20));
  });
});
