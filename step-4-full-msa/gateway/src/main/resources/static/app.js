// The storefront: plain JavaScript against the public shop API only, so the same page keeps
// working while the backend migrates underneath. Every call is logged with the app that
// served it (the X-Served-By header).
'use strict';

const POLL_INTERVAL_MS = 500;
const POLL_LIMIT_MS = 10000;
const LOG_SIZE = 12;

// Fixed colors for the apps of the workshop; any other app gets one derived from its name.
const APP_COLORS = {
	'monolith': '#5b3c88',
	'gateway': '#0b5cad',
	'catalog-service': '#116b2f',
	'inventory-service': '#8a5a00',
	'orders-service': '#a4161a',
	'payments-service': '#136f75',
};

// What each reason code means, in words a customer understands.
const REASONS = {
	OUT_OF_STOCK: 'Not enough units in stock.',
	PAYMENT_DECLINED: 'The payment provider declined the total.',
	CATALOG_UNAVAILABLE: 'The catalog could not be reached.',
	CANCELLED_BY_CUSTOMER: 'Cancelled by the customer.',
};

const state = {
	products: [],
	stock: new Map(),
	cart: new Map(),
};

const $ = (id) => document.getElementById(id);

function formatMoney(money) {
	const dollars = (money.amount / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
	return money.currency === 'USD' ? `$${dollars}` : `${dollars} ${money.currency}`;
}

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

// Each call links to its trace: the page X-Trace-Page names (./workshop run's trace
// collector), else its id for ./workshop traces <id>.
function traceLink(headers) {
	const traceId = headers.get('X-Trace-Id');
	if (!traceId) {
		return null;
	}
	const page = headers.get('X-Trace-Page');
	const link = document.createElement(page ? 'a' : 'span');
	link.className = 'trace';
	link.dataset.testid = 'trace';
	link.textContent = 'trace';
	link.title = `./workshop traces ${traceId}`;
	if (page) {
		link.href = page;
		link.target = '_blank';
		link.rel = 'noopener';
	}
	return link;
}

function logCall(method, path, status, servedBy, trace) {
	const entry = document.createElement('li');
	entry.dataset.testid = 'call';
	const code = document.createElement('span');
	code.className = status >= 400 || status === 0 ? 'code error' : 'code';
	code.textContent = status === 0 ? 'ERR' : String(status);
	const badge = document.createElement('span');
	badge.className = 'served-by';
	badge.dataset.testid = 'served-by';
	badge.textContent = servedBy || 'unknown';
	badge.style.background = colorFor(servedBy || 'unknown');
	const request = document.createElement('span');
	request.className = 'request';
	request.textContent = `${method} ${path}`;
	entry.append(code, badge, request);
	if (trace) {
		entry.append(trace);
	}
	const log = $('call-log');
	log.prepend(entry);
	while (log.children.length > LOG_SIZE) {
		log.lastElementChild.remove();
	}
}

// Calls the API and answers { status, body, headers }; a network failure answers status 0.
async function call(method, path, body, headers = {}) {
	const options = { method, headers: { Accept: 'application/json', ...headers } };
	if (body !== undefined) {
		options.headers['Content-Type'] = 'application/json';
		options.body = JSON.stringify(body);
	}
	try {
		const response = await fetch(path, options);
		logCall(method, path, response.status, response.headers.get('X-Served-By'), traceLink(response.headers));
		const text = await response.text();
		return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
	}
	catch (error) {
		logCall(method, path, 0, null);
		return { status: 0, headers: new Headers(), body: { detail: `The shop did not answer: ${error.message}` } };
	}
}

function describeProblem(answer) {
	const problem = answer.body || {};
	const lines = [problem.detail || problem.title || `The shop answered ${answer.status}.`];
	for (const error of problem.errors || []) {
		lines.push(`${error.field}: ${error.message}`);
	}
	return lines;
}

function showNotice(element, lines) {
	element.replaceChildren(...lines.map((line) => {
		const paragraph = document.createElement('p');
		paragraph.textContent = line;
		return paragraph;
	}));
	element.hidden = false;
}

// The app that served the product list stays on show next to the heading, while the call log
// scrolls on: behind the gateway it names the app that serves this browser its catalog.
function showCatalogServedBy(servedBy) {
	const badge = $('catalog-served-by');
	badge.textContent = servedBy || 'unknown';
	badge.style.background = colorFor(servedBy || 'unknown');
	badge.hidden = false;
}

async function loadCatalog() {
	const answer = await call('GET', '/api/products');
	showCatalogServedBy(answer.headers.get('X-Served-By'));
	if (answer.status !== 200) {
		showNotice(document.querySelector('[data-testid="catalog-error"]'), describeProblem(answer));
		return;
	}
	state.products = answer.body;
	renderProducts();
	await Promise.all(state.products.map((product) => loadStock(product.sku)));
}

async function loadStock(sku) {
	const answer = await call('GET', `/api/inventory/${encodeURIComponent(sku)}`);
	if (answer.status === 200) {
		state.stock.set(sku, answer.body.available);
	}
	updateProduct(sku);
}

// Builds the product cards once; later changes update them in place (updateProduct), so
// nothing a user is about to click disappears under the pointer.
function renderProducts() {
	$('product-list').replaceChildren(...state.products.map((product) => {
		const item = document.createElement('li');
		item.className = 'product';
		item.dataset.testid = 'product';
		item.dataset.sku = product.sku;
		const parts = [
			['name', product.name],
			['sku', product.sku],
			['description', product.description],
			['price', formatMoney(product.price)],
			['stock', 'stock…'],
		].map(([className, text]) => {
			const part = document.createElement('span');
			part.className = className;
			part.textContent = text;
			return part;
		});
		parts[4].dataset.testid = `stock-${product.sku}`;
		const add = document.createElement('button');
		add.type = 'button';
		add.textContent = 'Add to cart';
		add.dataset.testid = `add-to-cart-${product.sku}`;
		add.addEventListener('click', () => addToCart(product));
		item.append(...parts, add);
		return item;
	}));
}

function updateProduct(sku) {
	const item = document.querySelector(`.product[data-sku="${CSS.escape(sku)}"]`);
	if (!item) {
		return;
	}
	const available = state.stock.get(sku);
	const inCart = state.cart.get(sku)?.quantity || 0;
	const stock = item.querySelector('.stock');
	stock.textContent = available === undefined ? 'stock…' : `${available} available`;
	stock.classList.toggle('none', available === 0);
	item.querySelector('button').disabled = available !== undefined && inCart >= available;
}

function addToCart(product) {
	const line = state.cart.get(product.sku) || { product, quantity: 0 };
	line.quantity += 1;
	state.cart.set(product.sku, line);
	renderCart();
	updateProduct(product.sku);
}

function removeFromCart(sku) {
	state.cart.delete(sku);
	renderCart();
	updateProduct(sku);
}

function renderCart() {
	const cart = $('cart');
	let total = 0;
	cart.replaceChildren(...[...state.cart.values()].map((line) => {
		total += line.product.price.amount * line.quantity;
		const item = document.createElement('li');
		item.dataset.testid = 'cart-line';
		item.dataset.sku = line.product.sku;
		const label = document.createElement('span');
		label.textContent = `${line.quantity} × ${line.product.name}`;
		const remove = document.createElement('button');
		remove.type = 'button';
		remove.className = 'small';
		remove.textContent = '×';
		remove.title = 'Remove';
		remove.dataset.testid = `remove-${line.product.sku}`;
		remove.addEventListener('click', () => removeFromCart(line.product.sku));
		item.append(label, remove);
		return item;
	}));
	$('cart-total').textContent = formatMoney({ amount: total, currency: 'USD' });
	document.querySelector('[data-testid="cart-empty"]').hidden = state.cart.size > 0;
	$('place-order').disabled = state.cart.size === 0;
}

function showOrder(order) {
	$('order').hidden = false;
	$('order-id').textContent = order.id;
	const status = $('order-status');
	status.textContent = order.status;
	status.className = `status-${order.status}`;
	const reason = $('order-reason');
	reason.hidden = !order.reason;
	reason.textContent = order.reason ? `${order.reason}: ${REASONS[order.reason] || 'see the order.'}` : '';
}

// Reads the order until it leaves PENDING, for at most POLL_LIMIT_MS: from step 1 on the
// order is decided after the POST has answered.
async function waitForFinalStatus(order) {
	const deadline = Date.now() + POLL_LIMIT_MS;
	let current = order;
	while (current.status === 'PENDING' && Date.now() < deadline) {
		await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
		const answer = await call('GET', `/api/orders/${current.id}`);
		if (answer.status === 200) {
			current = answer.body;
			showOrder(current);
		}
	}
	if (current.status === 'PENDING') {
		showNotice($('order-error'), ['The order is still pending; reload its status later.']);
	}
	return current;
}

async function placeOrder(event) {
	event.preventDefault();
	$('order-error').hidden = true;
	$('place-order').disabled = true;
	const request = {
		customerEmail: $('email').value.trim(),
		lines: [...state.cart.values()].map((line) => ({ sku: line.product.sku, quantity: line.quantity })),
	};
	// One key per attempt: if the network drops and the user clicks again, the shop
	// answers with the same order instead of placing a second one.
	const idempotencyKey = crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
	const answer = await call('POST', '/api/orders', request, { 'Idempotency-Key': idempotencyKey });
	if (answer.status !== 201) {
		showNotice($('order-error'), describeProblem(answer));
		$('place-order').disabled = state.cart.size === 0;
		return;
	}
	showOrder(answer.body);
	const final = await waitForFinalStatus(answer.body);
	if (final.status === 'CONFIRMED') {
		state.cart.clear();
		renderCart();
	}
	request.lines.forEach((line) => updateProduct(line.sku));
	$('place-order').disabled = state.cart.size === 0;
	await Promise.all(request.lines.map((line) => loadStock(line.sku)));
}

$('order-form').addEventListener('submit', placeOrder);
renderCart();
loadCatalog();
