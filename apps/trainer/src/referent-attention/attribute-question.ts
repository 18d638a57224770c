// The object an attribute question asks after, as one colour-and-shape kind: "Is the star red?"
// asks whether there is a red star, "Is the green shape a circle?" whether there is a green circle
// (the data engine's attribute templates, yes-no-questions.ts, name an object unique in its scene
// by one attribute and ask its other). So its answer's lookup is the one of an existence question.

import { SCENE_COLOURS, SCENE_SHAPES } from '../perception/scene-token-labels';

/** A colour and a shape that together name the objects a question asks after. */
export interface AskedKind {
  readonly colour: string;
  readonly shape: string;
}

const COLOUR = `(${SCENE_COLOURS.join('|')})`;
const SHAPE = `(${SCENE_SHAPES.join('|')})`;
const SHAPE_THEN_COLOUR = new RegExp(`^Is the ${SHAPE} ${COLOUR}\\?$`, 'i');
const COLOUR_THEN_SHAPE = new RegExp(`^Is the ${COLOUR} shape an? ${SHAPE}\\?$`, 'i');

/** The kind an attribute question asks after, or null when `question` is not one. */
export function askedKind(question: string): AskedKind | null {
  const trimmed = question.trim();
  const byShape = SHAPE_THEN_COLOUR.exec(trimmed);
  if (byShape) return { shape: byShape[1].toLowerCase(), colour: byShape[2].toLowerCase() };
  const byColour = COLOUR_THEN_SHAPE.exec(trimmed);
  if (byColour) return { colour: byColour[1].toLowerCase(), shape: byColour[2].toLowerCase() };
  return null;
}
