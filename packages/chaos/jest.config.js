// Every suite drives real processes for seconds to minutes and mostly waits on them, so two files run side
// by side and concurrent tests (it.concurrent), each with its own emulator and daemon, up to six at once.
module.exports = { ...require('../../jest.base.js'), testTimeout: 120_000, maxWorkers: 2, maxConcurrency: 6 };
