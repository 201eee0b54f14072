/**
 * Our own JSON Schema (draft-07, checked with ajv + ajv-formats) of the MUSTs of the W3C Web Annotation Data
 * Model (https://www.w3.org/TR/annotation-model/, Recommendation of 23 February 2017) for what our JSON export
 * emits: an AnnotationCollection (§5.1) whose embedded AnnotationPage (§5.2) holds Annotations (§3.1) with
 * TextualBody bodies (§3.2.4), targets that are a page IRI or a SpecificResource (§4) with the selectors
 * (§4.2.1–4.2.9) and states (§4.3.1–4.3.2) of the vocabulary (https://www.w3.org/TR/annotation-vocab/).
 *
 * Each rule cites its section. Rules marked PROFILE are ours, stricter than the model, and say why: a reader
 * that only knows the standard gets a quote, a usable target and no empty lists from every file we write.
 * Forms the model allows but our export never writes are rejected: selectors and states given by IRI, Choice
 * and Set, External Web Resource bodies, SvgSelector and DataPositionSelector, scope/styleClass-only targets.
 * Checked against the W3C test suite's own samples (w3c/web-annotation-tests tools/samples): all 39 incorrect
 * ones are rejected; 19 of the 45 correct ones are accepted, the other 26 use only such forms.
 *
 * Embedded annotations inherit the collection's `@context` (as the spec's own page example shows), so
 * `annotation` requires none; `standaloneAnnotation` is the same annotation as its own document.
 */

const ANNO = 'http://www.w3.org/ns/anno.jsonld';

/** §3.3.1: "xsd:dateTime with the UTC timezone expressed as Z". */
const utcDateTime = { type: 'string', format: 'date-time', pattern: 'Z$' } as const;
/** §3.1, §5.1, §5.2: every id is exactly 1 IRI (absolute: a relative one means nothing in an exported file). */
const iri = { type: 'string', format: 'uri' } as const;
/** A property that is a single value (`exactly 1`): never an array. */
const selectorRef = { $ref: '#/definitions/selector' } as const;
const oneOrMore = (schema: object) => ({ anyOf: [schema, { type: 'array', minItems: 1, items: schema }] });

/** §3.3.5 Motivation and Purpose: the model's 13 instances. */
const MOTIVATIONS = [
  'assessing',
  'bookmarking',
  'classifying',
  'commenting',
  'describing',
  'editing',
  'highlighting',
  'identifying',
  'linking',
  'moderating',
  'questioning',
  'replying',
  'tagging',
];

export const WEB_ANNOTATION_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'urn:commonplace:schema:web-annotation-export',
  $ref: '#/definitions/collection',
  definitions: {
    /** §3.1, §5.1: 1 or more @context values, anno.jsonld one of them; a single value MUST be a string. */
    context: {
      anyOf: [{ const: ANNO }, { type: 'array', minItems: 2, contains: { const: ANNO } }],
    },
    iri,
    utcDateTime,

    /** §5.1 Annotation Collection. */
    collection: {
      type: 'object',
      required: ['@context', 'id', 'type'],
      properties: {
        '@context': { $ref: '#/definitions/context' },
        id: iri,
        type: typeIncluding('AnnotationCollection'),
        label: { type: 'string' }, // "the value MUST be a string"
        total: { type: 'integer', minimum: 0 }, // xsd:nonNegativeInteger
        first: { anyOf: [iri, { $ref: '#/definitions/embeddedPage' }] },
        last: iri, // PROFILE: given as the page's IRI, as the spec's example does
        created: utcDateTime,
        modified: utcDateTime,
      },
      allOf: [
        // §5.1: a Collection with total > 0 MUST have exactly 1 first page.
        {
          if: { required: ['total'], properties: { total: { type: 'integer', minimum: 1 } } },
          then: { required: ['first'] },
        },
        // PROFILE: total is always given, and an empty collection has no page (a page holds 1 or more items).
        { required: ['total'] },
        { if: { properties: { total: { const: 0 } } }, then: { not: { required: ['first'] } } },
      ],
    },

    /** §5.2 Annotation Page, embedded in the collection (so it SHOULD NOT carry @context). */
    embeddedPage: {
      type: 'object',
      required: ['id', 'type', 'items'],
      not: { required: ['@context'] },
      properties: {
        id: iri,
        type: typeIncluding('AnnotationPage'),
        partOf: { anyOf: [iri, { type: 'object', required: ['id'], properties: { id: iri } }] },
        items: { type: 'array', minItems: 1, items: { $ref: '#/definitions/annotation' } },
        next: iri,
        prev: iri,
        startIndex: { type: 'integer', minimum: 0 },
      },
    },

    /** §3.1 Annotation (context inherited from the collection it is embedded in). */
    annotation: {
      type: 'object',
      required: ['id', 'type', 'target'],
      properties: {
        '@context': { $ref: '#/definitions/context' },
        id: iri,
        type: typeIncluding('Annotation'),
        // §3.2: 0 or more bodies. PROFILE: no empty list: a note with nothing to say has no body at all.
        body: oneOrMore({ $ref: '#/definitions/body' }),
        bodyValue: { type: 'string' },
        target: oneOrMore({ $ref: '#/definitions/target' }),
        motivation: oneOrMore({ enum: MOTIVATIONS }),
        created: utcDateTime,
        modified: utcDateTime,
        generated: utcDateTime,
        creator: oneOrMore({ anyOf: [iri, { $ref: '#/definitions/agent' }] }),
        rights: oneOrMore(iri),
        canonical: iri,
        via: oneOrMore(iri),
      },
      // §3.2.5: if bodyValue is present, body MUST NOT also be.
      not: { required: ['body', 'bodyValue'] },
    },
    standaloneAnnotation: {
      allOf: [{ $ref: '#/definitions/annotation' }, { required: ['@context'] }],
    },

    /** §3.3.2 Agent: "SHOULD have exactly 1 IRI ... MUST NOT have more than 1". */
    agent: {
      type: 'object',
      properties: {
        id: iri,
        type: oneOrMore({ enum: ['Person', 'Organization', 'Software'] }),
        name: oneOrMore({ type: 'string' }),
        nickname: { type: 'string' },
      },
    },

    /** §3.2.4 TextualBody (the only body we emit; an IRI body is an External Web Resource). */
    body: {
      anyOf: [
        iri,
        {
          type: 'object',
          required: ['type', 'value'],
          properties: {
            id: iri,
            type: typeIncluding('TextualBody'),
            value: { type: 'string' }, // "exactly 1 value property"
            purpose: oneOrMore({ enum: MOTIVATIONS }),
            format: { type: 'string', pattern: '^[a-z]+/[-+.a-z0-9]+$' },
            language: oneOrMore({ type: 'string' }),
            textDirection: { enum: ['ltr', 'rtl', 'auto'] },
          },
          not: { anyOf: [{ required: ['items'] }, { required: ['source'] }] },
        },
      ],
    },

    /**
     * §3.2 / §4: a target is an IRI (External Web Resource) or a SpecificResource with exactly 1 source.
     * PROFILE: an object target always has a selector or a state, so it says more than its IRI would.
     */
    target: {
      anyOf: [
        iri,
        {
          type: 'object',
          required: ['source'],
          properties: {
            id: iri,
            type: typeIncluding('SpecificResource'),
            source: { anyOf: [iri, { type: 'object', required: ['id'], properties: { id: iri } }] },
            selector: oneOrMore(selectorRef),
            state: oneOrMore({ $ref: '#/definitions/state' }),
          },
          anyOf: [{ required: ['selector'] }, { required: ['state'] }],
          // §4: a Specific Resource has no value and no items.
          not: { anyOf: [{ required: ['value'] }, { required: ['items'] }] },
        },
      ],
    },

    /** §4.2: a Selector is one of the model's classes; each may be refinedBy further selectors (§4.2.9). */
    selector: {
      type: 'object',
      required: ['type'],
      properties: {
        type: {
          enum: [
            'FragmentSelector',
            'CssSelector',
            'XPathSelector',
            'TextQuoteSelector',
            'TextPositionSelector',
            'RangeSelector',
          ],
        },
        refinedBy: oneOrMore(selectorRef),
      },
      allOf: [
        selectorCase('FragmentSelector', {
          required: ['value'],
          properties: { value: { type: 'string' }, conformsTo: iri }, // §4.2.1
        }),
        selectorCase('CssSelector', { required: ['value'], properties: { value: { type: 'string' } } }), // §4.2.2
        selectorCase('XPathSelector', { required: ['value'], properties: { value: { type: 'string' } } }), // §4.2.3
        selectorCase('TextQuoteSelector', {
          // §4.2.4: exactly 1 exact; at most 1 prefix and suffix.
          // PROFILE: exact is never empty (an empty quote selects nothing).
          required: ['exact'],
          properties: {
            exact: { type: 'string', minLength: 1 },
            prefix: { type: 'string' },
            suffix: { type: 'string' },
          },
        }),
        selectorCase('TextPositionSelector', {
          // §4.2.5: start and end, each a non-negative integer.
          required: ['start', 'end'],
          properties: { start: { type: 'integer', minimum: 0 }, end: { type: 'integer', minimum: 0 } },
        }),
        selectorCase('RangeSelector', {
          // §4.2.8: exactly 1 startSelector and exactly 1 endSelector, each a Selector.
          // PROFILE: never the Hypothesis shape (startContainer/startOffset) beside or instead of them.
          required: ['startSelector', 'endSelector'],
          properties: { startSelector: selectorRef, endSelector: selectorRef },
          not: {
            anyOf: ['startContainer', 'startOffset', 'endContainer', 'endOffset'].map((k) => ({ required: [k] })),
          },
        }),
      ],
    },

    /** §4.3.1 TimeState and §4.3.2 HttpRequestState. */
    state: {
      type: 'object',
      required: ['type'],
      properties: { type: { enum: ['TimeState', 'HttpRequestState'] } },
      allOf: [
        {
          if: { properties: { type: { const: 'TimeState' } } },
          then: {
            properties: {
              sourceDate: oneOrMore(utcDateTime),
              sourceDateStart: utcDateTime,
              sourceDateEnd: utcDateTime,
              cached: oneOrMore(iri),
            },
            // §4.3.1: sourceDateStart and sourceDateEnd come together.
            // PROFILE: a TimeState says when, one way or the other (the model also allows `cached` alone).
            dependencies: { sourceDateStart: ['sourceDateEnd'], sourceDateEnd: ['sourceDateStart'] },
            anyOf: [{ required: ['sourceDate'] }, { required: ['sourceDateStart'] }],
          },
        },
        {
          if: { properties: { type: { const: 'HttpRequestState' } } },
          then: { required: ['value'], properties: { value: { type: 'string' } } },
        },
      ],
    },
  },
} as const;

/** §3.1 type: 1 or more types, and the named class MUST be one of them. */
function typeIncluding(name: string) {
  return { anyOf: [{ const: name }, { type: 'array', contains: { const: name } }] };
}

function selectorCase(type: string, then: object) {
  return { if: { properties: { type: { const: type } } }, then };
}
