// The control room: draws the running step from the control endpoint's JSON API and pulls
// its levers through the same API as ./workshop stop|kill|start. Everything shown comes from
// the endpoint on every poll; the page keeps nothing of its own, so a reload loses nothing
// (the app whose log is shown sits in the address, #log=<app>).
'use strict';

const POLL_MS = 1000;
const INFRA_POLL_MS = 3000;
const LOG_LINES = 40;
const SVG = 'http://www.w3.org/2000/svg';

// The storefront's colours for the X-Served-By badge; any other app gets one from its name.
const APP_COLORS = {
	'monolith': '#5b3c88',
	'gateway': '#0b5cad',
	'catalog-service': '#116b2f',
	'inventory-service': '#8a5a00',
	'orders-service': '#a4161a',
	'payments-service': '#136f75',
};

const BOX = { width: 270, height: 182, gap: 54, top: 84, clients: 120 };
const SERVER_BOX = { width: 430, height: 150 };

const token = document.querySelector('meta[name="workshop-token"]').content;
const $ = (id) => document.getElementById(id);

// What the endpoint last answered, and the elements drawn for it (made once, updated in place).
const latest = { status: null, traffic: null, infra: null };
const drawn = { key: '', boxes: new Map(), servers: new Map(), arrows: new Map(), cutovers: new Map() };
const busy = new Set();

function colorFor(app) {
	if (APP_COLORS[app]) {
		return APP_COLORS[app];
	}
	let hash = 0;
	for (const character of app) {
		hash = (hash * 31 + character.charCodeAt(0)) % 360;
	}
	return `hsl(${hash}, 60%, 35%)`;
}

function element(tag, className, text) {
	const made = document.createElement(tag);
	if (className) {
		made.className = className;
	}
	if (text !== undefined) {
		made.textContent = text;
	}
	return made;
}

function svgElement(tag, attributes) {
	const made = document.createElementNS(SVG, tag);
	for (const [name, value] of Object.entries(attributes)) {
		made.setAttribute(name, value);
	}
	return made;
}

async function getJson(path) {
	const response = await fetch(path, { cache: 'no-store' });
	if (!response.ok) {
		throw new Error(`${path} answered ${response.status}`);
	}
	return response.json();
}

async function post(path, body) {
	const response = await fetch(path, {
		method: 'POST',
		headers: { 'X-Workshop-Token': token, 'Content-Type': 'application/json' },
		body: body === undefined ? '' : JSON.stringify(body),
	});
	const answer = await response.json().catch(() => ({ error: `answered ${response.status}` }));
	return { ok: response.ok, message: answer.message || answer.error || '' };
}

// --- layout: columns by who calls whom, so any step of the manifest is drawn without new code ---

function columns(apps) {
	const column = new Map(apps.map((app) => [app.name, 0]));
	for (let round = 0; round < apps.length; round++) {
		for (const app of apps) {
			for (const callee of app.calls) {
				if (column.has(callee) && column.get(callee) < column.get(app.name) + 1) {
					column.set(callee, column.get(app.name) + 1);
				}
			}
		}
	}
	return column;
}

function layout(status) {
	const column = columns(status.apps);
	const rows = new Map();
	const places = new Map();
	for (const app of status.apps) {
		const col = column.get(app.name);
		const row = rows.get(col) || 0;
		rows.set(col, row + 1);
		places.set(app.name, {
			x: BOX.clients + 70 + col * (BOX.width + 80),
			y: BOX.top + row * (BOX.height + BOX.gap),
		});
	}
	const lastRow = Math.max(0, ...[...rows.values()].map((count) => count - 1));
	const width = Math.max(...[...places.values()].map((place) => place.x + BOX.width), 0) + 20;
	const serversTop = BOX.top + (lastRow + 1) * (BOX.height + BOX.gap) + 10;
	return { places, width, serversTop };
}

// --- drawing ---

function healthOf(app) {
	if (app.state === 'running' && app.health === 200) {
		return 'up';
	}
	if (app.state === 'starting' || app.state === 'stopping' || app.state === 'running') {
		return 'starting';
	}
	return 'down';
}

function uptime(seconds) {
	if (seconds < 0) {
		return '–';
	}
	const hours = Math.floor(seconds / 3600);
	const minutes = Math.floor((seconds % 3600) / 60);
	if (hours > 0) {
		return `${hours}h ${minutes}m`;
	}
	return minutes > 0 ? `${minutes}m ${String(seconds % 60).padStart(2, '0')}s` : `${seconds}s`;
}

function megabytes(bytes) {
	return bytes < 0 ? '–' : `${Math.round(bytes / 1048576)} MB`;
}

function rate(value) {
	return value >= 10 ? value.toFixed(0) : value.toFixed(1);
}

function leverButtons(name, onState) {
	const levers = element('div', 'buttons');
	for (const action of ['stop', 'kill', 'start']) {
		const button = element('button', `lever ${action}`, action);
		button.type = 'button';
		button.dataset.testid = `${action}-${name}`;
		button.addEventListener('click', (event) => {
			event.stopPropagation();
			act(action, name);
		});
		levers.append(button);
	}
	levers.update = (state) => {
		const runs = onState(state);
		for (const button of levers.children) {
			const starts = button.classList.contains('start');
			button.disabled = busy.has(name) || (starts ? runs : !runs);
		}
	};
	return levers;
}

function makeBox(app) {
	const box = element('div', 'box app');
	box.dataset.testid = `app-${app.name}`;
	box.dataset.app = app.name;
	const head = element('div', 'head');
	const name = element('span', 'name', app.name);
	name.style.background = colorFor(app.name);
	name.title = 'The colour of the X-Served-By badge in the storefront';
	const port = element('span', 'port', `:${app.port}`);
	head.append(name, port);
	const state = element('div', 'state');
	const process = element('div', 'process');
	const traffic = element('div', 'traffic');
	const levers = leverButtons(app.name, (status) => status.pid > 0);
	box.append(head, state, process, traffic, levers);
	box.addEventListener('click', () => {
		location.hash = `log=${encodeURIComponent(app.name)}`;
	});
	box.parts = { state, process, traffic, levers };
	return box;
}

function makeServerBox(server) {
	const box = element('div', 'box server');
	box.dataset.testid = `server-${server.name}`;
	const head = element('div', 'head');
	head.append(element('span', 'name infra-name', server.name === 'postgres' ? 'PostgreSQL' : 'Kafka'),
		element('span', 'port', ''));
	const state = element('div', 'state');
	const holds = element('div', 'holds');
	const levers = leverButtons(server.name, (status) => status.state === 'running');
	box.append(head, state, holds, levers);
	box.parts = { port: head.lastChild, state, holds, levers };
	return box;
}

function marker(defs, color) {
	const id = `head-${color.replace(/[^a-z0-9]/gi, '')}`;
	if (!defs.querySelector(`#${id}`)) {
		const made = svgElement('marker', { id, viewBox: '0 0 10 10', refX: '9', refY: '5', markerWidth: '14',
			markerHeight: '14', markerUnits: 'userSpaceOnUse', orient: 'auto' });
		made.append(svgElement('path', { d: 'M0,0 L10,5 L0,10 z', fill: color }));
		defs.append(made);
	}
	return `url(#${id})`;
}

function buildDiagram(status) {
	const boxes = $('boxes');
	const arrows = $('arrows');
	boxes.replaceChildren();
	arrows.replaceChildren(svgElement('defs', {}));
	drawn.boxes.clear();
	drawn.servers.clear();
	drawn.arrows.clear();
	const { places, width, serversTop } = layout(status);

	const clients = element('div', 'box clients');
	clients.append(element('div', 'name', 'clients'), element('div', 'note', 'browser, curl, bench'));
	const door = frontDoorApp(status);
	const doorPlace = places.get(door.name);
	clients.style.left = '0px';
	clients.style.top = `${doorPlace.y + BOX.height / 2 - 40}px`;
	boxes.append(clients);

	for (const app of status.apps) {
		const box = makeBox(app);
		const place = places.get(app.name);
		box.style.left = `${place.x}px`;
		box.style.top = `${place.y}px`;
		boxes.append(box);
		drawn.boxes.set(app.name, box);
	}
	const serverCount = status.servers.length;
	status.servers.forEach((server, index) => {
		const box = makeServerBox(server);
		const span = width / Math.max(serverCount, 1);
		box.style.left = `${Math.max(0, index * span + (span - SERVER_BOX.width) / 2)}px`;
		box.style.top = `${serversTop}px`;
		boxes.append(box);
		drawn.servers.set(server.name, { box, x: Math.max(0, index * span + (span - SERVER_BOX.width) / 2) });
	});
	const height = serversTop + (serverCount > 0 ? SERVER_BOX.height : 0) + 10;
	boxes.style.height = `${height}px`;
	boxes.style.width = `${width}px`;
	arrows.setAttribute('viewBox', `0 0 ${width} ${height}`);
	arrows.setAttribute('width', width);
	arrows.setAttribute('height', height);

	const addArrow = (key, d, color, labelAt, dashed) => {
		const path = svgElement('path', { d, fill: 'none', stroke: color, 'stroke-width': 2,
			'stroke-linecap': 'round', 'marker-end': marker(arrows.firstChild, color) });
		if (dashed) {
			path.setAttribute('stroke-dasharray', '6 6');
		}
		path.dataset.testid = `arrow-${key}`;
		const label = svgElement('text', { x: labelAt.x, y: labelAt.y, 'text-anchor': 'middle', class: 'rate' });
		arrows.append(path, label);
		drawn.arrows.set(key, { path, label, dashed });
	};
	addArrow(`clients-${door.name}`, `M${120},${doorPlace.y + BOX.height / 2} L${doorPlace.x - 4},${doorPlace.y + BOX.height / 2}`,
		colorFor(door.name), { x: (120 + doorPlace.x) / 2, y: doorPlace.y + BOX.height / 2 - 12 });
	for (const app of status.apps) {
		const from = places.get(app.name);
		for (const callee of app.calls) {
			const to = places.get(callee);
			if (!to) {
				continue;
			}
			const color = colorFor(callee);
			if (to.x - from.x > BOX.width + 90 || to.y !== from.y) {
				// Skips a column or changes row: an arc over the boxes in between.
				const x1 = from.x + BOX.width * 0.7;
				const x2 = to.x + BOX.width * 0.3;
				const lift = Math.min(from.y, to.y) - 70;
				addArrow(`${app.name}-${callee}`, `M${x1},${from.y} C${x1},${lift} ${x2},${lift} ${x2},${to.y - 4}`,
					color, { x: (x1 + x2) / 2, y: lift + 14 });
			}
			else {
				const y = from.y + BOX.height / 2;
				addArrow(`${app.name}-${callee}`, `M${from.x + BOX.width},${y} L${to.x - 4},${to.y + BOX.height / 2}`,
					color, { x: (from.x + BOX.width + to.x) / 2, y: y - 12 });
			}
		}
		if (app.database) {
			for (const [name, server] of drawn.servers) {
				if (name === 'postgres') {
					const x = from.x + BOX.width / 2;
					const target = Math.min(Math.max(x, server.x + 20), server.x + SERVER_BOX.width - 20);
					addArrow(`${app.name}-postgres`, `M${x},${from.y + BOX.height} L${target},${serversTop - 4}`,
						'#7a7f8a', { x: -100, y: -100 }, true);
				}
			}
		}
	}
	drawn.key = layoutKey(status);
}

function frontDoorApp(status) {
	return status.apps.find((app) => app.name === status.frontDoorApp) || status.apps[status.apps.length - 1];
}

function layoutKey(status) {
	return JSON.stringify([status.step, status.apps.map((app) => [app.name, app.calls, app.database]),
		status.servers.map((server) => server.name)]);
}

function updateApps(status, traffic) {
	const rates = new Map((traffic ? traffic.apps : []).map((app) => [app.name, app]));
	for (const app of status.apps) {
		const box = drawn.boxes.get(app.name);
		const health = healthOf(app);
		box.dataset.health = health;
		box.dataset.state = app.state;
		box.classList.toggle('selected', selectedApp() === app.name);
		const exit = app.lastExitCode !== null && app.lastExitCode !== undefined && health !== 'up'
			? ` (exit ${app.lastExitCode})` : '';
		box.parts.state.textContent = `${app.state}${exit} · health ${app.health || '–'}`;
		box.parts.process.textContent = app.pid > 0
			? `pid ${app.pid} · ${megabytes(app.rssBytes)} · up ${uptime(app.uptimeSeconds)}` : 'no process';
		const seen = rates.get(app.name);
		box.parts.traffic.replaceChildren();
		if (seen && seen.scraped) {
			const errors = element('span', seen.errorsPerSecond > 0 ? 'errors bad' : 'errors', `${rate(seen.errorsPerSecond)} err/s`);
			box.parts.traffic.append(element('span', 'requests', `${rate(seen.requestsPerSecond)} req/s`), ' · ', errors);
		}
		else {
			box.parts.traffic.append(element('span', 'requests', 'no metrics'));
		}
		box.parts.traffic.dataset.testid = `traffic-${app.name}`;
		box.parts.levers.update(app);
	}
}

function updateArrows(status, traffic) {
	if (!traffic) {
		return;
	}
	const door = frontDoorApp(status);
	const doorRate = traffic.apps.find((app) => app.name === door.name);
	const flows = traffic.calls.map((call) => [`${call.from}-${call.to}`, call.requestsPerSecond, call.measured]);
	flows.push([`clients-${door.name}`, doorRate ? doorRate.requestsPerSecond : 0, true]);
	for (const [key, perSecond, measured] of flows) {
		const arrow = drawn.arrows.get(key);
		if (!arrow) {
			continue;
		}
		// Thickness grows with the logarithm of the rate: 1/s is visible, 1000/s still fits.
		arrow.path.setAttribute('stroke-width', (2 + Math.min(14, 6 * Math.log10(1 + perSecond))).toFixed(1));
		arrow.path.setAttribute('opacity', perSecond > 0 ? '1' : '0.45');
		arrow.label.textContent = perSecond > 0 ? `${rate(perSecond)}/s${measured ? '' : ' ≈'}` : '';
	}
}

function updateServers(status, infra) {
	const held = new Map((infra ? infra.servers : []).map((server) => [server.name, server]));
	for (const server of status.servers) {
		const entry = drawn.servers.get(server.name);
		if (!entry) {
			continue;
		}
		const { box } = entry;
		box.dataset.health = server.state === 'running' ? 'up' : 'down';
		box.parts.port.textContent = server.address;
		box.parts.state.textContent = server.pid > 0 ? `${server.state} · pid ${server.pid}` : server.state;
		const holds = box.parts.holds;
		holds.replaceChildren();
		const known = held.get(server.name);
		if (!known) {
			continue;
		}
		if (known.error) {
			holds.append(element('div', 'note', known.error));
		}
		for (const database of known.databases) {
			const sessions = Object.entries(database.connections).map(([role, count]) => `${role} ×${count}`);
			holds.append(element('div', 'database', `database ${database.name}: ${sessions.join(', ') || 'no sessions'}`));
		}
		if (known.roles.length > 0) {
			holds.append(element('div', 'roles', `roles ${known.roles.join(', ')}`));
		}
		for (const topic of known.topics) {
			const lag = Object.entries(topic.lag).map(([group, behind]) => `${group} lag ${behind}`);
			holds.append(element('div', 'topic', `topic ${topic.name} (${topic.partitions}p, ${topic.messages} msgs)${lag.length ? ': ' + lag.join(', ') : ''}`));
		}
		if (server.name === 'kafka' && known.topics.length === 0 && !known.error) {
			holds.append(element('div', 'note', 'no topics yet'));
		}
		box.parts.levers.update(server);
	}
}

function updateCutovers(status) {
	const panel = $('cutovers');
	const policies = [];
	const asked = status.details.some((detail) => detail.path === '/actuator/cutover');
	if (!asked && drawn.cutovers.size === 0 && status.apps.some((app) => app.name === 'gateway')) {
		const note = "This step's gateway has no cutover: every route goes to its one app.";
		if (panel.textContent !== note) {
			panel.replaceChildren(element('p', 'none', note));
		}
	}
	for (const detail of status.details) {
		if (detail.path === '/actuator/cutover' && Array.isArray(detail.value)) {
			policies.push(...detail.value);
		}
		else if (detail.path === '/actuator/cutover' && detail.error && drawn.cutovers.size === 0) {
			panel.replaceChildren(element('p', 'none', `The gateway's cutover does not answer: ${detail.error}`));
		}
	}
	for (const policy of policies) {
		let row = drawn.cutovers.get(policy.route);
		if (!row) {
			if (drawn.cutovers.size === 0) {
				panel.replaceChildren();
			}
			row = makeCutover(policy.route);
			panel.append(row);
			drawn.cutovers.set(policy.route, row);
		}
		row.show(policy);
	}
}

function makeCutover(route) {
	const row = element('div', 'cutover');
	row.dataset.testid = `cutover-${route}`;
	const label = element('label', 'route');
	const slider = element('input');
	slider.type = 'range';
	slider.min = '0';
	slider.max = '100';
	slider.step = '10';
	slider.dataset.testid = `weight-${route}`;
	slider.setAttribute('aria-label', `share of clients that route ${route} sends to the new service`);
	const value = element('output', 'weight');
	value.dataset.testid = `weight-value-${route}`;
	const ends = element('div', 'ends');
	ends.append(element('span', '', 'monolith'), element('span', '', 'new service'));
	const rollback = element('button', 'rollback', 'Rollback to weight 0');
	rollback.type = 'button';
	rollback.dataset.testid = `rollback-${route}`;
	const policyLine = element('div', 'policy');
	label.append(`route ${route}`);
	row.append(label, slider, value, ends, policyLine, rollback);
	let moving = false;
	slider.addEventListener('input', () => {
		moving = true;
		value.textContent = `${slider.value}%`;
	});
	slider.addEventListener('change', async () => {
		await cutover(route, Number(slider.value));
		moving = false;
	});
	rollback.addEventListener('click', () => cutover(route, 0));
	row.show = (policy) => {
		if (!moving) {
			slider.value = String(policy.weight);
			value.textContent = `${policy.weight}%`;
		}
		row.dataset.weight = String(policy.weight);
		policyLine.textContent = `fallback ${policy.fallback} · parallel run ${policy.parallelRun ? 'on' : 'off'}`;
		rollback.disabled = policy.weight === 0;
	};
	return row;
}

async function cutover(route, weight) {
	showResult(`Moving route ${route} to weight ${weight}…`, true);
	const answer = await post(`/api/cutover/${encodeURIComponent(route)}`, { weight });
	showResult(answer.message, answer.ok);
	await pollStatus();
}

async function act(action, name) {
	busy.add(name);
	redraw();
	showResult(`${action} ${name}…`, true);
	try {
		const answer = await post(`/api/${action}/${encodeURIComponent(name)}`);
		showResult(answer.message, answer.ok);
	}
	finally {
		busy.delete(name);
		await pollStatus();
	}
}

function showResult(message, ok) {
	const result = $('result');
	result.textContent = message;
	result.classList.toggle('bad', !ok);
}

function selectedApp() {
	const match = /^#log=(.+)$/.exec(location.hash);
	return match ? decodeURIComponent(match[1]) : null;
}

function redraw() {
	const status = latest.status;
	if (!status) {
		return;
	}
	if (drawn.key !== layoutKey(status)) {
		buildDiagram(status);
	}
	updateApps(status, latest.traffic);
	updateArrows(status, latest.traffic);
	updateServers(status, latest.infra);
	updateCutovers(status);
}

function showConnection(ok, text) {
	const connection = $('connection');
	connection.textContent = text;
	connection.classList.toggle('bad', !ok);
}

async function pollStatus() {
	try {
		latest.status = await getJson('/api/status');
		$('step-id').textContent = latest.status.step;
		$('step-title').textContent = latest.status.title;
		document.title = `Control room · ${latest.status.step}`;
		const door = $('front-door');
		door.href = latest.status.frontDoor;
		door.textContent = latest.status.frontDoor;
		$('traces').hidden = !latest.status.traces;
		if (latest.status.traces) {
			$('traces-link').href = latest.status.traces;
		}
		showConnection(true, `live · ${new Date().toLocaleTimeString('en-GB')}`);
		redraw();
	}
	catch (error) {
		showConnection(false, 'The control endpoint does not answer: has the step stopped? Run ./workshop run again, then reload.');
	}
}

async function pollTraffic() {
	try {
		latest.traffic = await getJson('/api/traffic');
		redraw();
	}
	catch (error) {
		latest.traffic = null;
	}
}

async function pollInfra() {
	try {
		latest.infra = await getJson('/api/infra');
		redraw();
	}
	catch (error) {
		latest.infra = null;
	}
}

async function pollLog() {
	const app = selectedApp();
	$('log-app').textContent = app || '(click an app)';
	if (!app) {
		$('log-lines').replaceChildren();
		return;
	}
	try {
		const log = await getJson(`/api/log/${encodeURIComponent(app)}?lines=${LOG_LINES}`);
		const pane = $('log-lines');
		const atBottom = pane.scrollTop + pane.clientHeight >= pane.scrollHeight - 4;
		const lines = log.lines.map((line) => {
			const row = element('div', 'line');
			const prefix = element('span', 'prefix', `${app} | `);
			prefix.style.color = colorFor(app);
			row.append(prefix, line);
			return row;
		});
		pane.replaceChildren(...lines);
		if (atBottom) {
			pane.scrollTop = pane.scrollHeight;
		}
	}
	catch (error) {
		$('log-lines').textContent = `No log for ${app}.`;
	}
}

function every(milliseconds, poll) {
	const run = async () => {
		await poll();
		setTimeout(run, milliseconds);
	};
	run();
}

window.addEventListener('hashchange', () => {
	redraw();
	pollLog();
});

every(POLL_MS, pollStatus);
every(POLL_MS, pollTraffic);
every(INFRA_POLL_MS, pollInfra);
every(POLL_MS, pollLog);
