module.exports = {
  displayName: 'vision',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
