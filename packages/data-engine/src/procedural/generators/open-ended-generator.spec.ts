import type { SampleRow } from '@mixed-r1/records';
import { BACKGROUNDS, COLOURS } from '../palette';
import { decodePng } from '../testing/decode-png';
import { readScene } from '../testing/read-scene';
import { sceneMatchesPixels, sceneOf, type OracleObject, type OracleScene } from '../testing/scene-oracle';
import { openEndedGenerator } from './open-ended-generator';

const COUNT = 120;
/** Rendering 120 images takes a few seconds, more on a busy machine. */
const RENDERING_TIMEOUT_MS = 120_000;
const NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const REGIONS = [
  ['in the top left corner', 'at the top', 'in the top right corner'],
  ['on the left', 'in the center', 'on the right'],
  ['in the bottom left corner', 'at the bottom', 'in the bottom right corner'],
];
const RELATIONS: Readonly<Record<string, (a: OracleObject, b: OracleObject) => boolean>> = {
  'to the left of': (a, b) => a.box[2] < b.box[0],
  'to the right of': (a, b) => b.box[2] < a.box[0],
  above: (a, b) => a.box[3] < b.box[1],
  below: (a, b) => b.box[3] < a.box[1],
};

function regionOf(object: OracleObject, scene: OracleScene): string {
  const third = (centre: number, extent: number) => Math.min(2, Math.floor((3 * centre) / extent));
  const row = third((object.box[1] + object.box[3]) / 2, scene.height);
  return REGIONS[row][third((object.box[0] + object.box[2]) / 2, scene.width)];
}

function ofKind(scene: OracleScene, colour: string, shape: string): OracleObject[] {
  return scene.objects.filter((object) => object.colour === colour && object.shape === shape.replace(/s$/, ''));
}

/** "a red circle, two blue squares and a green star" as counts by "colour shape". */
function inventoryCounts(list: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of list.split(/, | and /)) {
    const [amount, colour, shape] = item.split(' ');
    counts.set(`${colour} ${shape.replace(/s$/, '')}`, amount === 'a' || amount === 'an' ? 1 : NUMBERS.indexOf(amount));
  }
  return counts;
}

/** Checks one caption sentence against the scene; throws on a sentence it cannot read or a false one. */
function checkSentence(sentence: string, scene: OracleScene): void {
  let match = /^The image shows (\w+) shapes? on a (.+) background$/.exec(sentence);
  if (match) {
    expect([sentence, NUMBERS.indexOf(match[1]), match[2]]).toEqual([sentence, scene.objects.length, scene.background]);
    return;
  }
  match = /^(?:They|The shapes) are (.+)$/.exec(sentence);
  if (match) {
    const expected = new Map<string, number>();
    for (const { colour, shape } of scene.objects) expected.set(`${colour} ${shape}`, (expected.get(`${colour} ${shape}`) ?? 0) + 1);
    expect([sentence, inventoryCounts(match[1])]).toEqual([sentence, expected]);
    return;
  }
  match = /^The (\w+) (\w+) is the largest shape$/.exec(sentence);
  if (match) {
    const [target] = ofKind(scene, match[1], match[2]);
    const side = (object: OracleObject) => object.box[2] - object.box[0];
    expect(scene.objects.every((other) => other === target || side(target) > side(other))).toBe(true);
    return;
  }
  match = /^The (\w+) (\w+) is (to the left of|to the right of|above|below) the (\w+) (\w+)$/.exec(sentence);
  if (match) {
    const [a, b] = [ofKind(scene, match[1], match[2]), ofKind(scene, match[4], match[5])];
    expect([sentence, a.length, b.length, RELATIONS[match[3]](a[0], b[0])]).toEqual([sentence, 1, 1, true]);
    return;
  }
  match = /^The (\w+) (\w+) is (.+)$/.exec(sentence);
  if (match) {
    const objects = ofKind(scene, match[1], match[2]);
    expect([sentence, objects.length, regionOf(objects[0], scene)]).toEqual([sentence, 1, match[3]]);
    return;
  }
  match = /^The (\w+) (\w+) (\w+) are (both |all )?(.+)$/.exec(sentence);
  if (match) {
    const objects = ofKind(scene, match[2], match[3]);
    expect([sentence, objects.length]).toEqual([sentence, NUMBERS.indexOf(match[1])]);
    const regions = objects.map((object) => regionOf(object, scene));
    if (match[4]) expect(regions.every((region) => region === match?.[5])).toBe(true);
    else expect([...match[5].split(/, | and /)].sort()).toEqual([...regions].sort());
    return;
  }
  throw new Error(`cannot read caption sentence "${sentence}"`);
}

describe('open-ended generator', () => {
  let samples: SampleRow[] = [];
  beforeAll(async () => {
    samples = await Promise.all(Array.from({ length: COUNT }, (_, i) => openEndedGenerator.generate(41, i)));
  }, RENDERING_TIMEOUT_MS);

  it('writes a caption of several sentences, every one of them true of the scene', () => {
    for (const sample of samples) {
      const sentences = sample.answer.replace(/\.$/, '').split('. ');
      expect(sentences.length).toBeGreaterThanOrEqual(4);
      for (const sentence of sentences) checkSentence(sentence, sceneOf(sample));
    }
  });

  it('describes the image in answer to a request for a description', () => {
    for (const sample of samples) expect(sample.question).toMatch(/Describe|caption/);
  });

  it('draws exactly the scene its caption describes (read back from the pixels)', () => {
    for (const sample of samples.slice(0, 40)) {
      const scene = sceneOf(sample);
      const background = BACKGROUNDS.find((entry) => entry.name === scene.background)?.rgb ?? [255, 255, 255];
      const drawn = readScene(decodePng(sample.imageBytes as Uint8Array), background, COLOURS);
      expect([sample.id, sceneMatchesPixels(scene, drawn)]).toEqual([sample.id, true]);
    }
  }, RENDERING_TIMEOUT_MS);
});
