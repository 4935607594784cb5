// Which characters of the shown text no bundled font face draws. Defines two functions on
// window, used by DeckInBrowserTests:
//
//   collectSlideText(slide, label): remembers the visible text of a slide that is on screen,
//     grouped by the font it is set in (family list, weight, style, size), and its SVG images;
//   findTextWithoutGlyphs(): after the browser has loaded the faces that text needs, returns
//     one line per slide whose text reaches a character that no loaded face of the deck covers,
//     and per SVG image whose labels need more than the machine's own Latin fonts.
//
// A character counts as covered when the first family of its font-family list that has a face
// for it (same rules as the browser: nearest weight, then unicode-range) is a face of the deck
// that has loaded. A family that the deck does not declare would be a system font, so the walk
// stops there: what reaches it is reported. A face declared without a unicode-range claims every
// character and so proves nothing; it does not count. The unicode-range of each bundled face is
// the set of characters its file holds, as the font package computed when it cut the font.
(() => {
	const runsBySlide = [];

	// An SVG shown as an image cannot use the page's fonts: the browser draws its labels with
	// the machine's fonts. Latin letters, general punctuation and the simple arrows are in the
	// default fonts of every desktop; Korean, for one, is not (it would need the font embedded).
	const drawnByAnyMachine = (codePoint) =>
		codePoint <= 0x024f || (codePoint >= 0x2000 && codePoint <= 0x206f) || (codePoint >= 0x2190 && codePoint <= 0x2193);

	const unquote = (family) => family.trim().replace(/^(['"])(.*)\1$/, '$2').toLowerCase();

	const familyList = (fontFamily) => fontFamily.split(',').map(unquote);

	const numericWeight = (weight) => (weight === 'normal' ? 400 : weight === 'bold' ? 700 : Number(weight));

	// "U+AC00-AC0F, U+4??" as [low, high] pairs
	const parseRanges = (unicodeRange) =>
		unicodeRange.split(',').map((part) => {
			const range = part.trim().replace(/^U\+/i, '');
			if (range.includes('?')) {
				return [parseInt(range.replaceAll('?', '0'), 16), parseInt(range.replaceAll('?', 'F'), 16)];
			}
			const [low, high] = range.split('-');
			return [parseInt(low, 16), parseInt(high === undefined ? low : high, 16)];
		});

	const facesByFamily = () => {
		const faces = new Map();
		for (const face of document.fonts) {
			const ranges = parseRanges(face.unicodeRange);
			const everything = ranges.length === 1 && ranges[0][0] === 0 && ranges[0][1] >= 0x10ffff;
			const family = unquote(face.family);
			if (!faces.has(family)) faces.set(family, []);
			faces.get(family).push({ face, ranges, everything, weight: numericWeight(face.weight) });
		}
		return faces;
	};

	// CSS Fonts 4 weight matching: which of the family's weights the browser uses for a wanted one
	const nearestWeight = (weights, wanted) => {
		const below = weights.filter((w) => w < wanted).sort((a, b) => b - a);
		const above = weights.filter((w) => w > wanted).sort((a, b) => a - b);
		if (weights.includes(wanted)) return wanted;
		if (wanted >= 400 && wanted <= 500) {
			const upTo500 = above.filter((w) => w <= 500);
			return [...upTo500, ...below, ...above.filter((w) => w > 500)][0];
		}
		return (wanted < 400 ? [...below, ...above] : [...above, ...below])[0];
	};

	const covers = (entry, codePoint) =>
		!entry.everything && entry.ranges.some(([low, high]) => codePoint >= low && codePoint <= high);

	// the face the browser would draw this character with, or null when it falls to a system font
	const faceFor = (faces, families, weight, codePoint) => {
		for (const family of families) {
			const familyFaces = faces.get(family);
			if (familyFaces === undefined) return null;
			const chosen = nearestWeight([...new Set(familyFaces.map((entry) => entry.weight))], weight);
			const candidates = familyFaces.filter((entry) => entry.weight === chosen && covers(entry, codePoint));
			const loaded = candidates.find((entry) => entry.face.status === 'loaded');
			if (loaded !== undefined) return loaded;
		}
		return null;
	};

	window.collectSlideText = (slide, label) => {
		const runs = new Map();
		const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
			const element = node.parentElement;
			if (element.closest('aside.notes, script, style') || !element.checkVisibility()) continue;
			const characters = Array.from(node.data).filter((character) => !/\s/u.test(character));
			if (characters.length === 0) continue;
			const style = getComputedStyle(element);
			const font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
			if (!runs.has(font)) {
				runs.set(font, { font, families: familyList(style.fontFamily), weight: numericWeight(style.fontWeight), text: new Set() });
			}
			characters.forEach((character) => runs.get(font).text.add(character));
		}
		const images = [...slide.querySelectorAll('img')]
			.map((image) => image.src)
			.filter((source) => source.endsWith('.svg') || source.startsWith('data:image/svg+xml'));
		runsBySlide.push({ label, images, runs: [...runs.values()].map((run) => ({ ...run, text: [...run.text].join('') })) });
	};

	window.findTextWithoutGlyphs = async () => {
		const allRuns = runsBySlide.flatMap((slide) => slide.runs);
		// load what the text needs, as showing it would; a face whose file fails ends as 'error'
		await Promise.allSettled(allRuns.map((run) => document.fonts.load(run.font, run.text)));
		await document.fonts.ready;
		const faces = facesByFamily();
		const problems = [];
		for (const slide of runsBySlide) {
			for (const run of slide.runs) {
				const missing = Array.from(run.text).filter(
					(character) => faceFor(faces, run.families, run.weight, character.codePointAt(0)) === null);
				if (missing.length > 0) {
					problems.push(`${slide.label}: no glyph in the deck's fonts for "${missing.slice(0, 40).join('')}"`
						+ `${missing.length > 40 ? ` and ${missing.length - 40} more` : ''} (font: ${run.font})`);
				}
				else if (!document.fonts.check(run.font, run.text)) {
					problems.push(`${slide.label}: a face its text needs has not loaded (font: ${run.font})`);
				}
			}
		}
		for (const slide of runsBySlide) {
			for (const source of slide.images) {
				const svg = new DOMParser().parseFromString(await (await fetch(source)).text(), 'image/svg+xml');
				const labels = [...svg.querySelectorAll('text')].map((text) => text.textContent).join('');
				const unsafe = [...new Set(Array.from(labels))].filter((character) => !drawnByAnyMachine(character.codePointAt(0)));
				if (unsafe.length > 0) {
					problems.push(`${slide.label}: the image ${source.split('/').pop().slice(0, 60)} is drawn with the machine's fonts,`
						+ ` which may lack "${unsafe.slice(0, 40).join('')}": embed the font in the SVG or keep its labels in Latin script`);
				}
			}
		}
		for (const [family, entries] of faces) {
			for (const entry of entries.filter((candidate) => candidate.face.status === 'error')) {
				problems.push(`the ${entry.weight} face of "${family}" for ${entry.face.unicodeRange.slice(0, 40)} failed to load`);
			}
		}
		return problems;
	};
})();
