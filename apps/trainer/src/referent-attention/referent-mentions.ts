import type { LabelledScene } from '../perception/scene-token-labels';
import { SCENE_COLOURS, SCENE_SHAPES } from '../perception/scene-token-labels';

/** A phrase of a text that names objects of its scene: "red diamond", "star", "blue shapes". */
export interface ReferentMention {
  readonly phrase: string;
  /** Index of the phrase's last character in the text. */
  readonly lastCharacter: number;
  /** Indices in `scene.objects` of the objects it names (colour and kind both match where given). */
  readonly objects: readonly number[];
}

// "{colour} {kind}", "{kind}" or "{colour} shape/object", singular or plural (the data engine's
// pluralOf adds "s"). A bare "shape" or "object" names nothing ("What shape is ...").
const GENERIC_NOUNS = ['shape', 'object'];
const MENTION = new RegExp(`\\b(?:(${SCENE_COLOURS.join('|')})\\s+)?(${[...SCENE_SHAPES, ...GENERIC_NOUNS].join('|')})s?\\b`, 'gi');

/**
 * The phrases of `text` that name objects of `scene`, in order, each with the objects it names.
 * A phrase naming no object of the scene ("None of them is a red diamond") is left out: there is
 * nothing for it to look at; with `keepAbsent`, it is kept with no objects.
 */
export function referentMentions(text: string, scene: LabelledScene, options: { readonly keepAbsent?: boolean } = {}): ReferentMention[] {
  const mentions: ReferentMention[] = [];
  for (const match of text.matchAll(MENTION)) {
    const colour = match[1]?.toLowerCase();
    const kind = match[2].toLowerCase();
    const generic = GENERIC_NOUNS.includes(kind);
    if (generic && colour === undefined) continue;
    const objects = scene.objects.flatMap((object, i) =>
      (colour === undefined || object.colour === colour) && (generic || object.shape === kind) ? [i] : [],
    );
    if (objects.length === 0 && options.keepAbsent !== true) continue;
    mentions.push({ phrase: match[0], lastCharacter: (match.index ?? 0) + match[0].length - 1, objects });
  }
  return mentions;
}
