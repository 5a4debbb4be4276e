import type { ClientAdapter } from '../adapter';
import { curl } from './curl';
import { goNetHttp } from './go-net-http';
import { httpie } from './httpie';
import { javaHttpUrlConnection } from './java-httpurlconnection';
import { nodeFetch } from './node-fetch';
import { perlLwp } from './perl-lwp';
import { phpCurl } from './php-curl';
import { pythonAiohttp } from './python-aiohttp';
import { pythonHttpx } from './python-httpx';
import { pythonRequests } from './python-requests';
import { pythonUrllib } from './python-urllib';
import { wget } from './wget';
import { chromium } from './chromium';
import { firefoxEsr } from './firefox-esr';

/** Every client the matrix knows, in the order `npm run compat` runs them. */
export const CLIENT_ADAPTERS: readonly ClientAdapter[] = [
  curl,
  wget,
  httpie,
  pythonRequests,
  pythonUrllib,
  pythonHttpx,
  pythonAiohttp,
  nodeFetch,
  perlLwp,
  javaHttpUrlConnection,
  goNetHttp,
  phpCurl,
  chromium,
  firefoxEsr,
];
