// Stands in for stylesheets under jest (see jest.static.config.js).
module.exports = {};
