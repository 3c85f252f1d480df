// A web app's upload page: Uppy's Dashboard with its tus plugin, unmodified, pointed at Sluice's tus
// endpoint on another origin. The endpoint and the token come in the page's fragment (never sent to
// the page's server); when Uppy says the batch is complete, the outcome is written into #result.
import Uppy from '@uppy/core';
import Dashboard from '@uppy/dashboard';
import Tus from '@uppy/tus';
import '@uppy/core/css/style.min.css';
import '@uppy/dashboard/css/style.min.css';

const params = new URLSearchParams(window.location.hash.slice(1));
const uppy = new Uppy({ autoProceed: false })
  .use(Dashboard, { inline: true, target: '#uppy', proudlyDisplayPoweredByUppy: false })
  .use(Tus, {
    endpoint: params.get('endpoint'),
    headers: { Authorization: `Bearer ${params.get('token')}` },
    chunkSize: Number(params.get('chunkSize')) || Infinity,
    retryDelays: [100, 500, 1000],
  });

uppy.on('complete', (result) => {
  document.getElementById('result').textContent = JSON.stringify({
    successful: result.successful.map((file) => ({ name: file.name, url: file.response?.uploadURL })),
    failed: result.failed.map((file) => ({ name: file.name, error: String(file.error) })),
  });
});
