import { isTaskType, type Box } from '@mixed-r1/records';
import type { CandidateSample } from '../candidate';

/** A normalised candidate, or why it could not be normalised. */
export type Normalised = { readonly sample: CandidateSample } | { readonly reason: string; readonly sampleId: string | null };

/** Box coordinates are rounded to this many decimals (1/100 px), so float noise does not tell equal boxes apart. */
const BOX_DECIMALS = 2;

const LETTER_FORMS = /^\(?\s*([A-Za-z])\s*[.)]?$/;
const BOX_TEXT = /^\[\s*([-+\d.eE]+)\s*,\s*([-+\d.eE]+)\s*,\s*([-+\d.eE]+)\s*,\s*([-+\d.eE]+)\s*\]$/;

/**
 * Canonical text and answers: every text trimmed; yes/no answers lower case; a multiple-choice
 * answer letter ("b", "(B)", "B.") upper case alone; chart answers with single spaces; a grounding
 * box from `answerBox` (or, lacking one, from a "[x1, y1, x2, y2]" answer) rounded to 1/100 px,
 * with the answer text written from it. Whether the answer fits its task is checked later (validate).
 */
export function normaliseCandidate(candidate: CandidateSample): Normalised {
  const id = typeof candidate.id === 'string' ? candidate.id.trim() : '';
  if (id === '') return { reason: `missing id: expected a non-empty sample id, found ${JSON.stringify(candidate.id)}`, sampleId: null };
  if (!isTaskType(candidate.task)) {
    return { reason: `unknown task type: found ${JSON.stringify(candidate.task)}; expected yes_no, multiple_choice, chart, grounding or open_ended`, sampleId: id };
  }
  const answer = canonicalAnswer(candidate);
  const box = canonicalBox(candidate);
  const sample: CandidateSample = {
    ...candidate,
    id,
    source: candidate.source.trim(),
    question: candidate.question.trim(),
    options: candidate.options === null ? null : candidate.options.map((option) => option.trim()),
    answer: box ? boxText(box) : answer,
    answerBox: box,
    imagePath: candidate.imagePath === null ? null : candidate.imagePath.trim(),
    solution: candidate.solution === null ? null : candidate.solution.trim(),
  };
  return { sample };
}

function canonicalAnswer(candidate: CandidateSample): string {
  const answer = candidate.answer.trim();
  switch (candidate.task) {
    case 'yes_no':
      return answer.toLowerCase();
    case 'multiple_choice': {
      const letter = LETTER_FORMS.exec(answer);
      return letter ? letter[1].toUpperCase() : answer;
    }
    case 'chart':
      return answer.replace(/\s+/g, ' ');
    default:
      return answer;
  }
}

function canonicalBox(candidate: CandidateSample): Box | null {
  if (candidate.task !== 'grounding') return candidate.answerBox;
  const box = candidate.answerBox ?? boxFromText(candidate.answer.trim());
  return box === null ? null : (box.map(roundCoordinate) as unknown as Box);
}

function boxFromText(answer: string): Box | null {
  const match = BOX_TEXT.exec(answer);
  if (!match) return null;
  const numbers = match.slice(1, 5).map(Number);
  return numbers.every(Number.isFinite) ? (numbers as unknown as Box) : null;
}

function roundCoordinate(value: number): number {
  if (!Number.isFinite(value)) return value; // left for validate to reject, naming the box
  const scale = 10 ** BOX_DECIMALS;
  const rounded = Math.round(value * scale) / scale;
  return rounded === 0 ? 0 : rounded; // no -0
}

function boxText(box: Box): string {
  return `[${box.join(', ')}]`;
}

/** The question as dedup compares it: lower case, runs of white space as one space, trimmed. */
export function questionKey(question: string): string {
  return question.toLowerCase().replace(/\s+/g, ' ').trim();
}
