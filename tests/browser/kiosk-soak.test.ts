// The short soak of `npm test`: enough steps for a leak per step (a listener, a DOM node, a map
// layer) to pass the bounds. The 500-step soak is in `npm run test:long` and `npm run bench`.
import { describeKioskSoak } from './soak';
import { SHORT_SOAK_STEPS } from '../../scripts/kiosk-soak';

describeKioskSoak(SHORT_SOAK_STEPS);
