export { scoreCompletions, type ScoreOptions, type CompletionScores } from './score-completions';
export { scoreSequences, type ScoredSequence } from './score-sequences';
