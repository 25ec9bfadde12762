// The full soak (`npm run test:long`; `npm run bench` reports the same measurements).
import { describeKioskSoak } from '../browser/soak';
import { SOAK_BOUNDS } from '../../scripts/kiosk-soak';

describeKioskSoak(SOAK_BOUNDS.steps);
