module.exports = {
  displayName: 'records',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
