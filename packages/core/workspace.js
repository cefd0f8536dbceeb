module.exports = require('./dist/workspace');
