import {
  ancestorsOf,
  childPath,
  isUnder,
  levelsBelow,
  movedPath,
  pathOf,
  subtreeOf,
  TOP_LEVEL
} from './ancestry';

describe('ancestor paths', () => {
  const subtask = pathOf(['init', 'epic', 'story']);

  it('names every ancestor, root first, and the top level as "/"', () => {
    expect(subtask).toBe('/init/epic/story/');
    expect(ancestorsOf(subtask)).toEqual(['init', 'epic', 'story']);
    expect(pathOf([])).toBe(TOP_LEVEL);
    expect(ancestorsOf(TOP_LEVEL)).toEqual([]);
    expect(childPath(TOP_LEVEL, 'init')).toBe('/init/');
  });

  it('puts every descendant of an issue in one range of paths within its root', () => {
    expect(subtreeOf(TOP_LEVEL, 'init')).toEqual({ rootId: 'init', prefix: '/init/' });
    expect(subtreeOf('/init/', 'epic')).toEqual({ rootId: 'init', prefix: '/init/epic/' });
    expect(subtask.startsWith(subtreeOf('/init/', 'epic').prefix)).toBe(true);
    // An id that merely starts like another is not its descendant.
    expect('/init/epic2/'.startsWith(subtreeOf('/init/', 'epic').prefix)).toBe(false);
    expect([isUnder(subtask, 'epic'), isUnder(subtask, 'epi')]).toEqual([true, false]);
  });

  it('counts the levels between an issue and an ancestor', () => {
    expect(['story', 'epic', 'init', 'other'].map((id) => levelsBelow(subtask, id))).toEqual([
      1,
      2,
      3,
      undefined
    ]);
  });

  it('keeps what lies below a moved issue and replaces what lies above it', () => {
    expect(movedPath(subtask, 'epic', '/init2/')).toBe('/init2/epic/story/');
    expect(movedPath(subtask, 'epic', TOP_LEVEL)).toBe('/epic/story/');
    expect(movedPath(subtask, 'other', '/x/')).toBe(subtask);
  });
});
