// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { buildTextModel, normalizeWhitespace, readTextModel } from './text-model';

const textOf = (html: string) => {
  document.body.innerHTML = html;
  return buildTextModel(document.body).text;
};

describe('buildTextModel reads text as a reader sees it', () => {
  it('collapses whitespace runs and trims', () => {
    expect(textOf('  <p>  a \n\t b&nbsp;&nbsp;c  </p>  ')).toBe('a b c');
  });

  it('separates blocks and <br> with one space, but not inline elements', () => {
    expect(textOf('<p>one</p><p>two<br>three</p><div>fo<b>ur</b><i>!</i></div>')).toBe('one two three four!');
  });

  it('ignores script, style, noscript, template and the painter host', () => {
    const html =
      '<p>kept</p><script>var x = 1</script><style>p{}</style><noscript>no js</noscript>' +
      '<template>tpl</template><commonplace-highlights data-commonplace-ignore>ours</commonplace-highlights><p>too</p>';
    expect(textOf(html)).toBe('kept too');
  });

  it('drops invisible characters (soft hyphen, zero-width space)', () => {
    expect(textOf('<p>anti\u00addis\u200bestablish</p>')).toBe('antidisestablish');
  });

  it('maps every character back to its raw span', () => {
    document.body.innerHTML = '<p>ab  c</p>';
    const m = buildTextModel(document.body);
    expect(m.text).toBe('ab c');
    expect([...m.rawStart]).toEqual([0, 1, 2, 4]);
    expect([...m.rawEnd]).toEqual([1, 2, 4, 5]);
  });
});

describe('normalizeWhitespace', () => {
  it('normalises stored strings the same way, keeping one edge space', () => {
    expect(normalizeWhitespace(' a \n b\u00ad ')).toBe('a b ');
  });
});

describe('readTextModel', () => {
  it('reuses the model until the DOM changes, and notices changes synchronously', () => {
    document.body.innerHTML = '<p>first</p>';
    const a = readTextModel(document.body);
    expect(readTextModel(document.body)).toBe(a);
    document.querySelector('p')!.textContent = 'second';
    const b = readTextModel(document.body);
    expect(b).not.toBe(a);
    expect(b.text).toBe('second');
  });
});
