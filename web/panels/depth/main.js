// The deep network lab page.
import { startPage } from '../../site/page_bootstrap.js';
import panel from './panel.js';

startPage(panel);
