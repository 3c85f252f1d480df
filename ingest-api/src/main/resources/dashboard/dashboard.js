// The Sluice dashboard: reads /v1/stats/stream (server-sent events) with the token typed into the
// page. The token lives in this script's memory only: never in storage, a cookie or a URL.
// EventSource cannot send an Authorization header, so the stream is read with fetch.
"use strict";

(() => {
  const STATES = ["open", "finishing", "finished", "failed", "aborted", "expired"];
  const RECONNECT_MS = 2000;
  let token = null;
  let stream = null; // the AbortController of the stream being read
  let chart = null;

  const $ = (id) => document.getElementById(id);
  const number = new Intl.NumberFormat("en-US");

  function setState(text) {
    $("connection-state").textContent = text;
  }

  function humanBytes(bytes) {
    const units = ["B", "KiB", "MiB", "GiB", "TiB"];
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${units[unit]}`;
  }

  function cell(row, text, className) {
    const td = row.insertCell();
    td.textContent = text; // never innerHTML: file names are user content
    if (className) td.className = className;
    return td;
  }

  function showUploads(uploads) {
    for (const state of STATES) $(`count-${state}`).textContent = number.format(uploads.totals[state]);
  }

  function showThroughput(throughput) {
    $("bytes-received").textContent = number.format(throughput.totals.bytesReceived);
    $("bytes-received-human").textContent = `(${humanBytes(throughput.totals.bytesReceived)})`;
    $("bytes-finished").textContent = number.format(throughput.totals.bytesFinished);
    $("bytes-finished-human").textContent = `(${humanBytes(throughput.totals.bytesFinished)})`;
    $("uploads-finished").textContent = number.format(throughput.totals.uploadsFinished);
    const data = [
      throughput.minutes.map((m) => Date.parse(m.minute) / 1000),
      throughput.minutes.map((m) => m.bytesReceived / 1048576),
      throughput.minutes.map((m) => m.bytesFinished / 1048576),
    ];
    if (chart === null) {
      const el = $("throughput-chart");
      chart = new uPlot({
        width: Math.max(el.clientWidth, 400),
        height: 220,
        scales: { y: { range: (u, min, max) => [0, Math.max(max, 1)] } },
        axes: [{}, { label: "MiB per minute", size: 70 }],
        series: [
          {},
          { label: "received", stroke: "#2a6fdb", fill: "rgba(42,111,219,0.12)", points: { show: false } },
          { label: "finished", stroke: "#1f7a3a", points: { show: false } },
        ],
      }, data, el);
    } else {
      chart.setData(data);
    }
  }

  async function download(assetId, fileName) {
    const response = await fetch(`/v1/assets/${encodeURIComponent(assetId)}/content`, {
      headers: { Authorization: `Bearer ${token}` },
      cache: "no-store",
    });
    if (!response.ok) {
      setState(response.status === 401 ? "Only the tenant's own token can read its assets."
        : `The asset could not be read (HTTP ${response.status}).`);
      return;
    }
    // Served as an opaque download, never rendered on this origin.
    const blob = new Blob([await response.arrayBuffer()], { type: "application/octet-stream" });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  function showRecent(recent) {
    const body = $("recent-uploads").tBodies[0];
    body.replaceChildren();
    if (recent.items.length === 0) {
      cell(body.insertRow(), "no finished uploads yet", "empty").colSpan = 4;
      return;
    }
    for (const item of recent.items) {
      const row = body.insertRow();
      row.dataset.uploadId = item.uploadId;
      const name = cell(row, "");
      const link = document.createElement("a");
      link.href = `/v1/assets/${encodeURIComponent(item.assetId)}`;
      link.textContent = item.fileName;
      link.title = `asset ${item.assetId}: click to download`;
      link.addEventListener("click", (event) => {
        event.preventDefault();
        download(item.assetId, item.fileName).catch((e) => setState(`Download failed: ${e.message}`));
      });
      name.append(link);
      cell(row, humanBytes(item.size), "number").title = `${number.format(item.size)} bytes`;
      cell(row, new Date(item.finishedAt).toLocaleString());
      cell(row, item.tenant);
    }
  }

  function showFailures(failures) {
    const body = $("failures").tBodies[0];
    body.replaceChildren();
    const kinds = [["uploadsFailed", "failed uploads"], ["chunksRejected", "rejected chunks"],
      ["requestsRejected", "rejected requests"]];
    for (const [kind, label] of kinds) {
      for (const [reason, count] of Object.entries(failures.totals[kind])) {
        const row = body.insertRow();
        row.dataset.kind = kind;
        row.dataset.reason = reason;
        cell(row, label);
        cell(row, reason);
        cell(row, number.format(count), "number");
      }
    }
    if (body.rows.length === 0) cell(body.insertRow(), "no failures", "empty").colSpan = 3;
  }

  function show(figures) {
    $("figures").hidden = false;
    showUploads(figures.uploads);
    showThroughput(figures.throughput);
    showRecent(figures.recent);
    showFailures(figures.failures);
    setState(`Live. Last change ${new Date().toLocaleTimeString()}.`);
  }

  // One server-sent event block: "event: <name>" and "data: <json>" lines; comments start with ":".
  function dispatch(block) {
    let name = "message";
    const data = [];
    for (const line of block.split("\n")) {
      if (line.startsWith("event:")) name = line.slice(6).trim();
      else if (line.startsWith("data:")) data.push(line.slice(5).trimStart());
    }
    if (name === "figures" && data.length > 0) show(JSON.parse(data.join("\n")));
  }

  async function read(controller) {
    const response = await fetch("/v1/stats/stream?minutes=60&limit=20", {
      headers: { Authorization: `Bearer ${token}` },
      cache: "no-store",
      signal: controller.signal,
    });
    if (response.status === 401) {
      setState("This token is not accepted. Enter a tenant's or an operator's token.");
      return false;
    }
    if (!response.ok) {
      setState(`The figures are not available (HTTP ${response.status}); trying again.`);
      return true;
    }
    setState("Connected.");
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return true;
      buffer += value.replaceAll("\r\n", "\n");
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        dispatch(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  }

  async function connect() {
    if (stream !== null) stream.abort();
    const controller = new AbortController();
    stream = controller;
    setState("Connecting…");
    while (stream === controller) {
      let again;
      try {
        again = await read(controller);
      } catch (e) {
        if (controller.signal.aborted) return;
        setState(`The connection was lost (${e.message}); trying again.`);
        again = true;
      }
      if (!again || stream !== controller) return;
      await new Promise((resolve) => setTimeout(resolve, RECONNECT_MS));
    }
  }

  $("token-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const typed = $("token").value.trim();
    if (typed === "") {
      setState("Enter a token first.");
      return;
    }
    token = typed;
    $("token").value = "";
    connect();
  });
})();
