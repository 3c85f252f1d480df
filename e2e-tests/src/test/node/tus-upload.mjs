// Uploads one file to Sluice's tus endpoint with tus-js-client, unmodified, as a Node program would.
// Usage: node tus-upload.mjs <scenario> <file>; SLUICE_URL and SLUICE_TOKEN in the environment.
// Prints one line of JSON: {"url": …, …} on success, {"error": …, "status": …} on failure (exit 1).
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import * as tus from 'tus-js-client';

const [scenario, path] = process.argv.slice(2);
const file = readFileSync(path);
const endpoint = `${process.env.SLUICE_URL}/v1/tus/`;
const headers = { Authorization: `Bearer ${process.env.SLUICE_TOKEN}` };
const MIB = 1 << 20;

function upload(options) {
  return new Promise((resolve, reject) => {
    const responses = [];
    const attempt = new tus.Upload(file, {
      endpoint,
      headers,
      retryDelays: [100, 500, 1000, 2000],
      metadata: { filename: `${scenario}.bin`, filetype: 'application/octet-stream' },
      onAfterResponse: (req, res) => {
        responses.push({ method: req.getMethod(), status: res.getStatus(), offset: res.getHeader('Upload-Offset') });
      },
      onSuccess: () => resolve({ url: attempt.url, responses }),
      onError: (error) => reject(Object.assign(error, { responses })),
      ...options,
    });
    options.started?.(attempt);
    attempt.start();
  });
}

// Waits (a client coming back later) until the pipeline has accepted the chunks the first attempt had
// acknowledged: HEAD reports what the session processor accepted, which trails the PATCH answers a little.
async function acceptedChunks(url, count) {
  const id = url.substring(url.lastIndexOf('/') + 1);
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const status = await (await fetch(`${process.env.SLUICE_URL}/v1/uploads/${id}`, { headers })).json();
    if (status.receivedCount >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the pipeline did not accept ${count} chunks of ${url} within 30 s`);
}

async function run() {
  switch (scenario) {
    case 'one-patch':
      return upload({});
    case 'five-mib-patches':
      return upload({ chunkSize: 5 * MIB });
    case 'parallel':
      return upload({ parallelUploads: 3 });
    case 'sha256-metadata':
      return upload({
        metadata: { filename: 'declared.bin', sha256: createHash('sha256').update(file).digest('hex') },
      });
    case 'wrong-sha256-metadata':
      return upload({ metadata: { filename: 'wrong.bin', sha256: '00'.repeat(32) } });
    case 'abort-and-resume': {
      // The first attempt is cut off once 2 MiB are acknowledged, in the middle of its next PATCH;
      // a second client, knowing only the upload's URL, resumes it where the server says.
      let first;
      const interrupted = await new Promise((resolve, reject) => {
        const attempt = new tus.Upload(file, {
          endpoint, headers, chunkSize: MIB,
          metadata: { filename: 'resumed.bin' },
          onProgress: (sent) => {
            if (sent > 2 * MIB + MIB / 2 && !first) {
              first = attempt.url;
              attempt.abort(false).then(() => resolve(attempt.url), reject);
            }
          },
          onSuccess: () => reject(new Error('the first attempt was not interrupted')),
          onError: reject,
        });
        attempt.start();
      });
      await acceptedChunks(interrupted, 2);
      const resumed = await upload({ uploadUrl: interrupted, chunkSize: MIB });
      const head = resumed.responses.find((r) => r.method === 'HEAD');
      return { ...resumed, resumedFrom: Number(head?.offset) };
    }
    default:
      throw new Error(`no scenario ${scenario}`);
  }
}

try {
  console.log(JSON.stringify(await run()));
} catch (error) {
  console.log(JSON.stringify({
    error: String(error.message ?? error),
    status: error.originalResponse?.getStatus?.() ?? null,
    responses: error.responses ?? [],
  }));
  process.exit(1);
}
