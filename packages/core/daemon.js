module.exports = require('./dist/daemon');
