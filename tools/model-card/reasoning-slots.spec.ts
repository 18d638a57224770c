import { reasoningSlots } from './reasoning-slots';

const think = (text: string) => `<think>${text}</think><answer>x</answer>`;

describe('reasoning slots', () => {
  it("scores an existence question's object", () => {
    const row = { question: 'Can you see a blue diamond?', options: [] };
    expect(reasoningSlots(row, think('The image shows a red star. None of them is a blue diamond.'))).toEqual([{ slot: 'object', filled: true }]);
    expect(reasoningSlots(row, think('The image shows a red star. None of them is a red star.'))).toEqual([{ slot: 'object', filled: false }]);
    expect(reasoningSlots({ question: 'Is there an orange star in the image?', options: [] }, think('The image shows two orange stars. There are 2 orange stars.'))).toEqual([
      { slot: 'object', filled: true },
    ]);
  });

  it("scores a count's kind and the number it denies", () => {
    const row = { question: 'Are there exactly 3 squares?', options: [] };
    expect(reasoningSlots(row, think('The image shows a red square. Counting them, there is 1 square, not 3.'))).toEqual([
      { slot: 'count kind', filled: true },
      { slot: 'count number', filled: true },
    ]);
    expect(reasoningSlots(row, think('Counting them, there are 2 diamonds, not 2.'))).toEqual([
      { slot: 'count kind', filled: false },
      { slot: 'count number', filled: false },
    ]);
  });

  it('scores the subject and the option letter of a multiple-choice answer', () => {
    const row = { question: 'What colour is the diamond?', options: ['brown', 'yellow', 'black', 'purple'] };
    expect(reasoningSlots(row, think('There is only one diamond in the image, and it is purple. That is option D, "purple".'))).toEqual([
      { slot: 'subject', filled: true },
      { slot: 'option', filled: true },
    ]);
    expect(reasoningSlots(row, think('There is only one star in the image, and it is black. That is option A, "black".'))).toEqual([
      { slot: 'subject', filled: false },
      { slot: 'option', filled: false },
    ]);
    const shape = { question: 'What shape is the red object?', options: ['circle', 'star'] };
    expect(reasoningSlots(shape, think('The only red object in the image is a star. That is option B, "star".'))).toEqual([
      { slot: 'subject', filled: true },
      { slot: 'option', filled: true },
    ]);
  });

  it('scores nothing that the reasoning does not write', () => {
    expect(reasoningSlots({ question: 'Is the star red?', options: [] }, '<answer>no</answer>')).toEqual([]);
  });
});
