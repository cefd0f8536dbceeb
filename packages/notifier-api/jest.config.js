// Sources import with `.js` extensions for the ES module build; jest resolves them to the .ts files.
module.exports = { ...require('../../jest.base.js'), moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' } };
