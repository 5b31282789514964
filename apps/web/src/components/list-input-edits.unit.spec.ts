import { describe, expect, it } from '@jest/globals';
import { afterBackspace, afterEnter, afterPaste } from './list-input-edits.js';

describe('typing a list, one item a row', () => {
  it('adds a row after the one Enter was pressed in and moves there, so the next item is not typed into the first row', () => {
    expect(afterEnter(['孟庆华'], 0, 3)).toEqual({ rows: ['孟庆华', ''], focus: { row: 1, caret: 0 } });
    expect(afterEnter(['孟庆华', '宋春燕'], 0, 3)).toEqual({ rows: ['孟庆华', '', '宋春燕'], focus: { row: 1, caret: 0 } });
  });

  it('splits a row where Enter was pressed in the middle of it', () => {
    expect(afterEnter(['孟庆华宋春燕'], 0, 3)).toEqual({ rows: ['孟庆华', '宋春燕'], focus: { row: 1, caret: 0 } });
  });

  it('moves on from an empty row without adding another, and does nothing in an empty last row', () => {
    expect(afterEnter(['孟庆华', '', '宋春燕'], 1, 0)).toEqual({ rows: ['孟庆华', '', '宋春燕'], focus: { row: 2, caret: 0 } });
    expect(afterEnter(['孟庆华', ''], 1, 0)).toBeNull();
  });

  it('removes an empty row on Backspace and goes to the end of the row above; keeps the only row and rows with text', () => {
    expect(afterBackspace(['孟庆华', ''], 1)).toEqual({ rows: ['孟庆华'], focus: { row: 0, caret: 3 } });
    expect(afterBackspace(['', '宋春燕'], 0)).toEqual({ rows: ['宋春燕'], focus: { row: 0, caret: 0 } });
    expect(afterBackspace([''], 0)).toBeNull();
    expect(afterBackspace(['孟庆华', '宋春燕'], 1)).toBeNull();
  });

  it('makes each pasted line a row of its own, blank lines left out, around the text already typed', () => {
    expect(afterPaste([''], 0, '孟庆华\r\n宋春燕\n\n被申请人代理人张某\n', 0, 0))
      .toEqual({ rows: ['孟庆华', '宋春燕', '被申请人代理人张某'], focus: { row: 2, caret: 9 } });
    expect(afterPaste(['申请人：', '末行'], 0, '孟庆华\n宋春燕', 4, 4)).toEqual({ rows: ['申请人：孟庆华', '宋春燕', '末行'], focus: { row: 1, caret: 3 } });
    expect(afterPaste(['孟庆华'], 0, '宋春燕', 3, 3)).toBeNull();
  });
});
