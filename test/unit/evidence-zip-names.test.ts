// Names inside the evidence package follow Windows' rules (issue 8, item 1): none of <>:"/\|?*
// or control characters, no reserved device names, no trailing dot or space (before the
// extension either), within the length asked, the extension kept.
import { describe, expect, it } from 'vitest';
import { windowsSafeName } from '../../main/report/informe/evidenceZip.ts';

describe('windowsSafeName', () => {
  it('drops the characters Windows refuses and leaves no space before the extension', () => {
    expect(windowsSafeName('acta: reunión "consejo" <final>?.pdf', 100)).toBe('acta reunión consejo final.pdf');
    expect(windowsSafeName('a/b\\c|d*e\u0007.docx', 100)).toBe('a b c d e.docx');
  });
  it('renames reserved device names and names made only of dots or spaces', () => {
    expect(windowsSafeName('CON.txt', 100)).toBe('_CON.txt');
    expect(windowsSafeName('lpt1', 100)).toBe('_lpt1');
    expect(windowsSafeName(' . ', 100)).toBe('_archivo');
  });
  it('shortens a long name to the length asked, keeping its extension', () => {
    const name = windowsSafeName(`${'informe '.repeat(30)}.pdf`, 60);
    expect([...name].length).toBeLessThanOrEqual(60);
    expect(name).toMatch(/…\.pdf$/);
    for (const c of '<>:"/\\|?*') expect(name).not.toContain(c);
  });
});
