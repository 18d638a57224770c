// Workspace lint: Nx module boundaries decide which package may import which.
import nx from '@nx/eslint-plugin';

const nativeModules = ['sharp', '@tensorflow/*'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/.nx', '**/tmp'] },
  {
    files: ['**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@mixed-r1/*/*', '!@mixed-r1/*/testing'],
              message: 'Import a package through its public entry (src/index.ts), or its ./testing entry for fixtures.',
            },
          ],
        },
      ],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          banTransitiveDependencies: true,
          depConstraints: [
            { sourceTag: 'scope:records', onlyDependOnLibsWithTags: [], bannedExternalImports: nativeModules },
            {
              sourceTag: 'scope:rewards',
              onlyDependOnLibsWithTags: ['scope:records'],
              bannedExternalImports: nativeModules,
            },
            { sourceTag: 'scope:vision', onlyDependOnLibsWithTags: ['scope:records'], bannedExternalImports: ['@tensorflow/*'] },
            {
              sourceTag: 'scope:data-engine',
              onlyDependOnLibsWithTags: ['scope:records', 'scope:vision'],
              bannedExternalImports: nativeModules,
            },
            { sourceTag: 'scope:policy', onlyDependOnLibsWithTags: ['scope:records'], bannedExternalImports: ['sharp'] },
            { sourceTag: 'scope:grpo', onlyDependOnLibsWithTags: ['scope:records', 'scope:policy'], bannedExternalImports: ['sharp'] },
            {
              sourceTag: 'scope:evaluation',
              onlyDependOnLibsWithTags: ['scope:records', 'scope:rewards', 'scope:vision', 'scope:policy'],
            },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:lib'] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
