module.exports = {
  displayName: 'data-engine',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
