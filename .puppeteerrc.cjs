// Use a system Chromium when there is one, so `npm install` never tries to
// download Chrome (it cannot on machines without internet beyond npm).
// PUPPETEER_EXECUTABLE_PATH wins over both: puppeteer reads it before this file.
const fs = require('node:fs');

const candidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

const systemBrowser = process.env.PUPPETEER_EXECUTABLE_PATH
  ? undefined
  : candidates.find((path) => fs.existsSync(path));

/** @type {import('puppeteer').Configuration} */
module.exports = systemBrowser
  ? { executablePath: systemBrowser, skipDownload: true }
  : {};
