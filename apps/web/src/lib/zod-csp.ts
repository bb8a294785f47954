import { z } from 'zod';

// The server's Content-Security-Policy forbids eval. Zod probes `new Function` when the first object schema is built
// (contracts builds them on import), and the browser reports that probe as a violation even though zod catches it.
// main.tsx imports this module first, so the setting is in place before contracts loads.
z.config({ jitless: true });
