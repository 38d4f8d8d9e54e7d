// The training race page.
import { startPage } from './page_bootstrap.js';
import { startRaceLab } from './race_lab.js';

startPage((corePromise, notices) => startRaceLab(corePromise, notices));
