import { describe, expect, it } from 'vitest';
import { losesRecording, recorderPermissions } from './recorder-permissions';

describe('recorder permissions', () => {
  it('needs webRequest and the optional host patterns of either manifest version', () => {
    expect(recorderPermissions({ optional_permissions: ['webRequest'], optional_host_permissions: ['https://*/*', 'http://*/*'] })).toEqual({
      permissions: ['webRequest'],
      origins: ['https://*/*', 'http://*/*'],
    });
    expect(recorderPermissions({ optional_permissions: ['webRequest', 'https://*/*', '<all_urls>'] }).origins).toEqual(['https://*/*', '<all_urls>']);
    expect(recorderPermissions({}).origins).toEqual([]);
  });

  it('stops recording when webRequest or one of its host patterns is removed, not for other permissions', () => {
    const needed = recorderPermissions({ optional_host_permissions: ['https://*/*', 'http://*/*'] });
    expect(losesRecording({ permissions: ['webRequest'] }, needed)).toBe(true);
    expect(losesRecording({ origins: ['http://*/*'] }, needed)).toBe(true);
    expect(losesRecording({ permissions: ['clipboardWrite'], origins: ['https://sonarcloud.io/*'] }, needed)).toBe(false);
    expect(losesRecording({}, needed)).toBe(false);
  });
});
