module.exports = {
  displayName: 'grpo',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
