import type { Metric } from './metric';

/** Yes/no and multiple-choice accuracy: the rewards' matching rule (SPEC.md section 2), 1 or 0. */
export const matchingAccuracy: Metric = {
  name: 'matching_accuracy',
  label: 'match acc.',
  tasks: ['yes_no', 'multiple_choice'],
  binary: true,
  definition:
    "Exact-match accuracy under the rewards' matching rule: yes/no by the first whole word yes or no; multiple choice by the option letter (or the option text) the answer names.",
  value: ({ score }) => score.components.matching,
};
