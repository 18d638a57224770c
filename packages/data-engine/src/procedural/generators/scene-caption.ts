// A caption of several sentences that is exactly true of a scene: how many shapes on which
// background, what they are, where each group lies (by thirds of the image), the largest shape
// when it clearly is, and one clear relation between two shapes.

import { backgroundNamed, pluralOf } from '../palette';
import type { Rng } from '../rng';
import { boxText } from '../sample';
import {
  clearlyRelated,
  inventory,
  listPhrase,
  numberWord,
  regionPhrase,
  RELATION_WORDS,
  RELATIONS,
  uniqueReferents,
  type Relation,
} from '../scene/describe';
import { boxOf, type Scene, type SceneObject } from '../scene/scene';

/** The largest shape counts as clearly largest when its side is this much longer than any other. */
const CLEARLY_LARGER = 1.3;

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function groupsOf(scene: Scene): SceneObject[][] {
  const groups = new Map<string, SceneObject[]>();
  for (const object of scene.objects) {
    const key = `${object.colour} ${object.shape}`;
    groups.set(key, [...(groups.get(key) ?? []), object]);
  }
  return [...groups.values()];
}

/** "The red circle is in the center." or "The two blue squares are on the left and at the bottom." */
function groupSentence(group: readonly SceneObject[], scene: Scene): string {
  const [first] = group;
  if (group.length === 1) return `The ${first.colour} ${first.shape} is ${regionPhrase(first, scene)}.`;
  const regions = group.map((object) => regionPhrase(object, scene));
  const distinct = [...new Set(regions)];
  const where = distinct.length === 1 ? `${group.length === 2 ? 'both' : 'all'} ${distinct[0]}` : listPhrase(regions);
  return `The ${numberWord(group.length)} ${first.colour} ${pluralOf(first.shape)} are ${where}.`;
}

function largestSentence(scene: Scene): string | null {
  const bySize = [...scene.objects].sort((a, b) => b.size - a.size);
  if (bySize.length < 2 || bySize[0].size < CLEARLY_LARGER * bySize[1].size) return null;
  const named = uniqueReferents(scene).find((referent) => referent.object === bySize[0] && referent.by === 'colour and shape');
  return named ? `The ${named.phrase} is the largest shape.` : null;
}

function relationSentence(scene: Scene, rng: Rng): string | null {
  const named = uniqueReferents(scene).filter((referent) => referent.by === 'colour and shape');
  const facts: string[] = [];
  for (const a of named) {
    for (const b of named) {
      if (a.object === b.object) continue;
      const holds: Relation[] = RELATIONS.filter((relation) => clearlyRelated(a.object, relation, b.object));
      for (const relation of holds) facts.push(`The ${a.phrase} is ${RELATION_WORDS[relation]} the ${b.phrase}.`);
    }
  }
  return facts.length > 0 ? rng.pick(facts) : null;
}

export interface SceneCaption {
  readonly caption: string;
  readonly sentences: number;
  /** The facts the caption was written from: each shape and its box. */
  readonly reasoning: string;
}

/** The scene's objects in reading order: by rows of thirds from the top, then left to right. */
function inReadingOrder(scene: Scene): Scene {
  const row = (object: SceneObject) => Math.min(2, Math.floor((3 * (object.y + object.size / 2)) / scene.height));
  const objects = [...scene.objects].sort((a, b) => row(a) - row(b) || a.x - b.x || a.y - b.y);
  return { ...scene, objects };
}

/** The caption of a scene and the facts behind it. */
export function sceneCaption(unordered: Scene, rng: Rng): SceneCaption {
  const scene = inReadingOrder(unordered);
  const total = scene.objects.length;
  const background = backgroundNamed(scene.background).name;
  const sentences = [
    `The image shows ${numberWord(total)} ${total === 1 ? 'shape' : 'shapes'} on a ${background} background.`,
    total === 1 ? null : `${capitalised(total === 2 ? 'they' : 'the shapes')} are ${inventory(scene)}.`,
    ...groupsOf(scene).map((group) => groupSentence(group, scene)),
    largestSentence(scene),
    relationSentence(scene, rng),
  ].filter((sentence): sentence is string => sentence !== null);
  const listing = scene.objects.map((object) => `${object.colour} ${object.shape} at ${boxText(boxOf(object))}`).join('; ');
  return {
    caption: sentences.join(' '),
    sentences: sentences.length,
    reasoning:
      `The image is ${scene.width}x${scene.height} pixels with a ${background} background. The shapes are: ${listing}. ` +
      'I describe what they are, where they are and how they relate.',
  };
}
