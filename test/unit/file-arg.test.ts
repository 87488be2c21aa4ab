// The one validator for files passed through the contract: evidence and formularios alike.
import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/api/index.ts';
import { MAX_EVIDENCE_BYTES } from '../../shared/api/seguimiento.ts';

const evidenceArgs = (bytes: Uint8Array, extra: Record<string, unknown> = {}) => ({
  actionId: 1,
  files: [{ fileName: 'acta de abril.pdf', bytes, ...extra }],
});

describe('a file passed through the contract', () => {
  const addEvidence = Object.entries(contract).find(([name]) => name === 'addEvidence')?.[1];

  it('too big: refused naming the file, its size and the limit, in Spanish', () => {
    expect(addEvidence).toBeDefined();
    const big = new Uint8Array(MAX_EVIDENCE_BYTES + 1);
    expect(() => addEvidence!.args.parse(evidenceArgs(big))).toThrow(
      /«acta de abril\.pdf» pesa 25 MB; cada evidencia puede pesar hasta 25 MB/,
    );
  });

  it('an unknown field or content that is not bytes is refused; a small file passes as is', () => {
    expect(() => addEvidence!.args.parse(evidenceArgs(new Uint8Array(3), { __proto__x: 1 }))).toThrow(/ningún campo con ese nombre/);
    expect(() => addEvidence!.args.parse({ actionId: 1, files: [{ fileName: 'a.pdf', bytes: 'abc' }] })).toThrow(
      /el contenido de un archivo/,
    );
    const ok = addEvidence!.args.parse(evidenceArgs(new Uint8Array([1, 2, 3]))) as { files: { fileName: string; bytes: Uint8Array }[] };
    expect(ok.files[0]!.fileName).toBe('acta de abril.pdf');
    expect([...ok.files[0]!.bytes]).toEqual([1, 2, 3]);
  });
});
