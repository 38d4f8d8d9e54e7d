// The binary playground page: the playground, then the explanations' live numbers and
// "Show me" buttons once the charts are on screen.
import { fillLiveNumbers } from './live_numbers.js';
import { startPage } from './page_bootstrap.js';
import { startPlayground } from './playground.js';
import { wireShowMeButtons } from './show_me.js';

startPage(
  (corePromise, notices, host) => startPlayground(corePromise, document, host),
  (playground, core, notices) => {
    const explanations = document.querySelector('.explanations');
    if (!explanations) return;
    for (const problem of fillLiveNumbers(explanations, core)) {
      notices.show(`A number in the explanations could not be computed (${problem}).`);
    }
    wireShowMeButtons(explanations, playground);
  },
);
