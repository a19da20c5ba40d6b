// The one error type and the one problem mapper: box errors by field, a general line, offline, any code.
import { describe, expect, it } from 'vitest';
import { BoxRequestError, boxProblemsOf, errorCodeOf, errorMessageOf, fieldMessage, placeProblems, problemMessages } from './errors.ts';

describe('box errors as forms show them', () => {
  it('turns the box’s typed errors into messages by field', () => {
    const failed = new BoxRequestError({ code: 'bad_request', message: 'entries[0].name: too long', problems: [{ field: 'entries[0].name', message: 'name is longer than 64 characters' }] });
    expect(fieldMessage(boxProblemsOf(failed), 'name')).toBe('name is longer than 64 characters');
    expect(boxProblemsOf(failed)).toEqual({ fields: [{ field: 'entries[0].name', message: 'name is longer than 64 characters' }], general: null });
    expect(boxProblemsOf(new BoxRequestError({ code: 'conflict', message: 'the schedule 早安 still targets this group' }))).toEqual({
      fields: [], general: 'the schedule 早安 still targets this group',
    });
  });

  it('reads field problems the same way whether the box says `invalid` or `bad_request`', () => {
    const problems = [{ field: 'reply.text', message: 'text is empty' }, { field: 'reply.shortcut', message: 'shortcut is taken' }];
    const invalid = boxProblemsOf(new BoxRequestError({ code: 'invalid', message: 'refused', problems }));
    const badRequest = boxProblemsOf(new BoxRequestError({ code: 'bad_request', message: 'refused', problems }));
    expect(invalid).toEqual(badRequest);
    expect(fieldMessage(invalid, 'text')).toBe('text is empty');
    expect(fieldMessage(invalid, 'shortcut')).toBe('shortcut is taken');
    expect(fieldMessage(invalid, 'category')).toBeNull();
  });

  it('places every problem on a form field, the general line included, and lists them all', () => {
    const failed = new BoxRequestError({ code: 'invalid', message: 'refused', problems: [{ field: 'devices[1]', message: 'unknown phone' }] });
    const placeOf = (path: string) => (path.startsWith('devices') ? 'devices' : 'time');
    expect(placeProblems(failed, placeOf)).toEqual([{ field: 'devices[1]', message: 'unknown phone', place: 'devices' }]);
    expect(placeProblems(new BoxRequestError({ code: 'conflict', message: 'post is scheduled' }), placeOf)).toEqual([{ field: '', message: 'post is scheduled', place: 'time' }]);
    expect(problemMessages(boxProblemsOf(failed))).toEqual(['unknown phone']);
  });

  it('names a request the console could not send `offline`, and anything else `internal`', () => {
    const offline = BoxRequestError.offline();
    expect(offline.code).toBe('offline');
    expect(errorCodeOf(offline)).toBe('offline');
    expect(errorCodeOf(new Error('boom'))).toBe('internal');
    expect(errorMessageOf(new BoxRequestError({ code: 'busy', message: 'posting job j1 runs' }))).toBe('posting job j1 runs');
    expect(boxProblemsOf(new Error('boom'))).toEqual({ fields: [], general: 'boom' });
  });

  it('shows a box text by its key when the box sent one, and the English message otherwise', () => {
    const translate = (text: { key: string; params?: Record<string, string | number> } | undefined, english: string) => (text ? `<${text.key}:${String(text.params?.['deviceId'])}>` : english);
    const keyed = new BoxRequestError({ code: 'device_offline', message: 'device p1 is not online', text: { key: 'core.deviceNotOnline', params: { deviceId: 'p1' } } });
    expect(errorMessageOf(keyed, translate)).toBe('<core.deviceNotOnline:p1>');
    expect(errorMessageOf(keyed)).toBe('device p1 is not online');
    const field = new BoxRequestError({ code: 'invalid', message: 'x', problems: [{ field: 'text', message: 'text is empty', text: { key: 'chatDesk.textEmpty' } }, { field: 'title', message: 'too long' }] });
    expect(boxProblemsOf(field, translate).fields.map((p) => p.message)).toEqual(['<chatDesk.textEmpty:undefined>', 'too long']);
  });
});
