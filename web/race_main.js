// The training race page.
import { startPage } from './page_bootstrap.js';
import { startRaceLab } from './race_lab.js';

startPage((corePromise, notices, host) => startRaceLab(corePromise, notices, document, host));
