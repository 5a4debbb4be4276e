import type { ClientAdapter } from '../adapter';
import { curl } from './curl';
import { javaHttpUrlConnection } from './java-httpurlconnection';
import { nodeFetch } from './node-fetch';
import { perlLwp } from './perl-lwp';
import { pythonRequests } from './python-requests';
import { pythonUrllib } from './python-urllib';
import { wget } from './wget';

/** Every client the matrix knows, in the order `npm run compat` runs them. */
export const CLIENT_ADAPTERS: readonly ClientAdapter[] = [curl, wget, pythonRequests, pythonUrllib, nodeFetch, perlLwp, javaHttpUrlConnection];
